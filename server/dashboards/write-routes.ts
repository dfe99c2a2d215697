// Grafana's write API for dashboards: POST /api/dashboards/db and DELETE /api/dashboards/uid/:uid.
// writeGuard (security.ts) has already refused cross-origin, non-JSON and READ_ONLY writes.
// https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { DeleteAnswer, SaveAnswer, VersionMismatchAnswer } from '../../contract/api.ts';
import { apiError } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import { storageProblem } from '../storage.ts';
import type { FolderIndex } from './folder-index.ts';
import type { ProvisionedDashboards } from './provisioned.ts';
import type { DashboardStore, SaveResult } from './store.ts';
import { newUid } from './store.ts';
import { checkPanelCount, checkSaveRequest, DEFAULT_MAX_PANELS, UID_PATTERN } from './validate.ts';

export interface WriteDeps {
  provisioned: ProvisionedDashboards;
  saved: DashboardStore;
  log?: (line: string) => void;
  /** MAX_PANELS: a dashboard holding more is refused (default DEFAULT_MAX_PANELS). */
  maxPanels?: number;
  /** The datasources configured now, for the import to name those a dashboard lacks. */
  datasources?: () => readonly { uid: string; name: string }[];
  /** Folders, for folderUid on save. */
  folders?: FolderIndex;
}

/** The JSON body, or a 400 answer: a malformed or too deeply nested body is not a 500. */
export const jsonBody = (c: Context) => readJsonBody(c);

/**
 * Storage failures say what went wrong so the user can act on it: a full disk is 507, a
 * DATA_DIR the server may not write names DATA_DIR; both say nothing was changed.
 */
export function storageError(c: Context, deps: WriteDeps, what: string, err: unknown): Response {
  const problem = storageProblem(err, deps.saved.dataDir);
  // The path, the OS's message and the stack go to the log; the answer says it in words.
  deps.log?.(`error: ${what}: ${problem.detail}\n${(err as Error)?.stack ?? ''}`);
  return apiError(c, problem.status, problem.errorType, `${what}: ${problem.words}`);
}

/** Grafana's answer to a save; 412 carries Grafana's own status and message. */
export function saveAnswer(c: Context, result: SaveResult): Response {
  if (!result.ok) {
    return c.json(
      {
        status: 'version-mismatch',
        message: 'The dashboard has been changed by someone else',
      } satisfies VersionMismatchAnswer,
      412,
    );
  }
  const { uid, version, slug, folderUid } = result;
  return c.json({
    id: null,
    uid,
    url: `/d/${uid}/${slug}`,
    status: 'success',
    version,
    slug,
    folderUid,
  } satisfies SaveAnswer);
}

export async function provisionedRefusal(c: Context, deps: WriteDeps, uid: string, verb: string) {
  const entry = await deps.provisioned.get(uid);
  if (!entry) return null;
  // allowUiUpdates: saves are kept in DATA_DIR; deleting stays the file's business.
  if (entry.allowUiUpdates && verb !== 'delete') return null;
  return apiError(
    c,
    400,
    'provisioned',
    `Cannot ${verb} provisioned dashboard "${uid}": it comes from ${entry.file} in ${entry.origin ?? 'DASHBOARDS_DIR'}; ` +
      'edit that file, or save a copy under another uid',
  );
}

/** 400 in words for a folderUid no folder has; null when it is General or a folder. */
export async function folderRefusal(c: Context, deps: WriteDeps, folderUid: string | undefined) {
  if (!folderUid || !deps.folders) return null;
  if (await deps.folders.get(folderUid)) return null;
  return apiError(
    c,
    400,
    'folder_not_found',
    `folder not found: no folder has uid "${folderUid}"; create it first (POST /api/folders), or save to General with folderUid ""`,
  );
}

export async function freshUid(deps: WriteDeps): Promise<string> {
  for (;;) {
    const uid = newUid();
    if (!(await deps.saved.exists(uid)) && !(await deps.provisioned.get(uid))) return uid;
  }
}

export function dashboardWriteRoutes(deps: WriteDeps): Hono {
  const app = new Hono();

  app.post('/dashboards/db', async (c) => {
    const parsed = await jsonBody(c);
    if ('error' in parsed) return parsed.error;
    const checked = checkSaveRequest(parsed.body);
    if (!checked.ok) return apiError(c, 400, 'bad_data', checked.error);
    const counted = checkPanelCount(checked.value.dashboard, deps.maxPanels ?? DEFAULT_MAX_PANELS);
    if (!counted.ok) return apiError(c, 400, 'bad_data', counted.error);
    const req = checked.value;
    const uid = typeof req.dashboard.uid === 'string' && req.dashboard.uid ? req.dashboard.uid : '';
    const refusal = uid && (await provisionedRefusal(c, deps, uid, 'save'));
    if (refusal) return refusal;
    const noFolder = await folderRefusal(c, deps, req.folderUid);
    if (noFolder) return noFolder;
    const target = uid || (await freshUid(deps));
    // The first UI save of an allowUiUpdates dashboard stays in its provider's folder.
    const provisioned =
      uid && req.folderUid === undefined ? await deps.provisioned.get(uid) : undefined;
    const folderUid =
      req.folderUid ??
      (provisioned && !(await deps.saved.exists(uid)) ? provisioned.folderUid : undefined);
    try {
      return saveAnswer(
        c,
        await deps.saved.save(target, {
          ...req,
          ...(folderUid !== undefined ? { folderUid } : {}),
        }),
      );
    } catch (err) {
      return storageError(c, deps, `could not save dashboard "${target}"`, err);
    }
  });

  app.delete('/dashboards/uid/:uid', async (c) => {
    const uid = c.req.param('uid');
    const refusal = await provisionedRefusal(c, deps, uid, 'delete');
    if (refusal) return refusal;
    if (!UID_PATTERN.test(uid))
      return apiError(c, 404, 'not_found', `no dashboard with uid "${uid}"`);
    try {
      const title = await deps.saved.delete(uid);
      if (title === null) return apiError(c, 404, 'not_found', `no dashboard with uid "${uid}"`);
      return c.json({ title, message: `Dashboard ${title} deleted` } satisfies DeleteAnswer);
    } catch (err) {
      return storageError(c, deps, `could not delete dashboard "${uid}"`, err);
    }
  });

  return app;
}
