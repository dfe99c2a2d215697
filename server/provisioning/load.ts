// PROVISIONING_DIR at start: datasources/*.yaml|yml and dashboards/*.yaml|yml, files in name
// order as Grafana applies them. A file that cannot be read or parsed is reported (file,
// line, field) and the others still count: the server starts with what is good.
import type { ProvisioningReport } from '../../contract/api.ts';
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { unreadable } from '../storage.ts';
import type { UrlPolicy } from '../url-policy.ts';
import { type DatasourceProvisioning, readDatasourceFiles } from './datasources.ts';
import type { Env } from './interpolate.ts';
import { type DashboardProvider, readProviderFiles } from './providers.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';

export interface Provisioning {
  datasources: DatasourceProvisioning;
  providers: DashboardProvider[];
  /** PROVISIONING_DIR, for the log only: answers name files relative to it. */
  dir: string;
  report: ProvisioningReport;
}

const YAML = /\.ya?ml$/;
const MAX_FILE = 1024 * 1024; // bytes: a provisioning file is a few KiB

async function readYamls(files: FileSystem, dir: string, sub: string, errors: string[]) {
  const yamls: YamlFile[] = [];
  const names = ((await files.readDir(joinPath(dir, sub)).catch(() => null)) ?? [])
    .filter((n) => YAML.test(n))
    .sort();
  for (const name of names) {
    const file = `${sub}/${name}`;
    try {
      const bytes = await files.readFile(joinPath(dir, sub, name));
      if (!bytes) continue;
      if (bytes.length > MAX_FILE) {
        errors.push(`${file}: larger than 1 MiB, not read`);
        continue;
      }
      const parsed = parseYamlFile(file, new TextDecoder().decode(bytes));
      if (parsed.ok) yamls.push(parsed.yaml);
      else errors.push(parsed.error);
    } catch (err) {
      errors.push(`${file}: ${unreadable(err)}`);
    }
  }
  return yamls;
}

export async function loadProvisioning(
  files: FileSystem,
  dir: string,
  env: Env,
  ctx: { policy: UrlPolicy; defaultScrapeS: number; defaultOverlapS: number },
): Promise<Provisioning> {
  const errors: string[] = [];
  const dsYamls = await readYamls(files, dir, 'datasources', errors);
  const datasources = await readDatasourceFiles(dsYamls, env, ctx);
  const dashYamls = await readYamls(files, dir, 'dashboards', errors);
  const providers = readProviderFiles(dashYamls, env, joinPath(dir, 'dashboards'));
  return {
    datasources,
    providers: providers.providers,
    dir,
    report: {
      skipped: datasources.skipped,
      errors: [...errors, ...datasources.errors, ...providers.errors],
    },
  };
}

/** What provisioning gave, one line each; names and places, never a secret. */
export function logProvisioning(p: Provisioning, log?: (line: string) => void): void {
  if (!log) return;
  const names = p.datasources.datasources.map((d) => `${d.name} (${d.uid})`);
  log(
    `provisioning: ${p.dir}: ${names.length} datasource(s)${names.length ? `: ${names.join(', ')}` : ''}; ` +
      `${p.providers.length} dashboard provider(s)${p.providers.length ? `: ${p.providers.map((x) => x.name).join(', ')}` : ''}`,
  );
  for (const s of p.report.skipped) {
    log(`provisioning: skipped datasource "${s.name}" (${s.file}): ${s.reason}`);
  }
  for (const note of p.datasources.notes) log(`provisioning: note: ${note}`);
  for (const e of p.report.errors) log(`provisioning: error: ${e}`);
}
