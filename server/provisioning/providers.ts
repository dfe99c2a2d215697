// Grafana's dashboard provider files (PROVISIONING_DIR/dashboards/*.yaml), read as Grafana
// reads them: pkg/services/provisioning/dashboards/{config_reader.go,types.go}. apiVersion 1
// is `providers: [...]`; apiVersion 0 a bare list with snake_case keys. Only `type: file`.
// https://grafana.com/docs/grafana/latest/administration/provisioning/#dashboards
import { asArray, isRecord } from '../../contract/json.ts';
import { joinPath } from '../deps.ts';
import { FieldError, Fields } from './fields.ts';
import type { Env } from './interpolate.ts';
import type { YamlFile } from './yaml-file.ts';

export interface DashboardProvider {
  name: string;
  /** Folder holding the dashboard JSON files, relative paths taken from the YAML's folder. */
  path: string;
  /** One folder per sub-folder of `path`, named after it (Grafana's foldersFromFilesStructure). */
  foldersFromFilesStructure: boolean;
  /** The folder every dashboard goes in ('' = General), unless foldersFromFilesStructure. */
  folder: string;
  folderUid: string;
  allowUiUpdates: boolean;
  disableDeletion: boolean;
  /** How often the folder is looked at again; 0 = on every call. */
  updateIntervalSeconds: number; // seconds
  /** "file:line" of its entry. */
  source: string;
  /** Walks sub-folders (providers do, DASHBOARDS_DIR does not). */
  recursive: boolean;
}

export interface ProviderReading {
  providers: DashboardProvider[];
  errors: string[];
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;

function readProvider(f: Fields, dir: string): DashboardProvider {
  const where = f.yaml.where(f.path);
  const name = f.string('name') ?? '';
  if (!name) throw f.error('name', 'is required');
  const type = f.string('type') || 'file';
  if (type !== 'file') throw f.error('type', `"${type}" is not supported; only "file"`);
  const org = f.int('orgId', 'org_id') ?? 1;
  if (org !== 0 && org !== 1) throw f.error('orgId', `${org}: Promscope has one organisation (1)`);
  const options = f.map('options');
  // apiVersion 0 kept the folder under options; 1 at the top.
  const folder = f.string('folder') ?? options.string('folder') ?? '';
  const folderUid = f.string('folderUid', 'folderUID', 'folder_uid') ?? '';
  const fromFiles = options.bool('foldersFromFilesStructure') ?? false;
  if (fromFiles && (folder || folderUid)) {
    throw f.error(
      folder ? 'folder' : 'folderUid',
      'must be empty with options.foldersFromFilesStructure (the folders come from the file structure)',
    );
  }
  if (folderUid && !UID.test(folderUid)) {
    throw f.error('folderUid', 'must be 1 to 40 of A-Z, a-z, 0-9, "_", "-"');
  }
  const path = options.string('path') ?? '';
  if (!path) throw options.error('path', 'is required');
  const interval = f.int('updateIntervalSeconds', 'update_interval_seconds') ?? 10;
  if (interval < 0) throw f.error('updateIntervalSeconds', 'must not be negative');
  return {
    name,
    path: path.startsWith('/') ? path : joinPath(dir, path),
    foldersFromFilesStructure: fromFiles,
    folder,
    folderUid,
    allowUiUpdates: f.bool('allowUiUpdates', 'allow_ui_updates') ?? false,
    disableDeletion: f.bool('disableDeletion', 'disable_deletion') ?? false,
    updateIntervalSeconds: interval,
    source: where,
    recursive: true,
  };
}

/** Every provider file; `dir` is the folder they sit in (PROVISIONING_DIR/dashboards). */
export function readProviderFiles(
  yamls: readonly YamlFile[],
  env: Env,
  dir: string,
): ProviderReading {
  const out: ProviderReading = { providers: [], errors: [] };
  for (const yaml of yamls) {
    const v1 = isRecord(yaml.value);
    const version = v1 ? Number((yaml.value as Record<string, unknown>).apiVersion ?? 0) || 0 : 0;
    const list = v1 ? (yaml.value as Record<string, unknown>).providers : yaml.value;
    const key = v1 ? 'providers' : undefined;
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) {
      out.errors.push(`${yaml.file}: must hold a list of providers`);
      continue;
    }
    asArray(list).forEach((entry, i) => {
      const path = key ? [key, i] : [i];
      if (!isRecord(entry)) {
        out.errors.push(`${yaml.where(path)}: ${Fields.label(path)}: must be a map`);
        return;
      }
      try {
        const p = readProvider(new Fields(yaml, path, entry, version >= 1 ? env : null), dir);
        if (out.providers.some((x) => x.name === p.name)) {
          out.errors.push(`${p.source}: a provider named "${p.name}" is already defined; skipped`);
          return;
        }
        out.providers.push(p);
      } catch (e) {
        if (e instanceof FieldError) out.errors.push(e.message);
        else throw e;
      }
    });
  }
  return out;
}
