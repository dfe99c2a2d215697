// Grafana's folder API: GET /api/folders, GET/PUT/DELETE /api/folders/:uid, POST /api/folders.
// writeGuard (security.ts) has already refused cross-origin, non-JSON and READ_ONLY writes.
// Errors in our envelope, except the 412 of a stale rename, which keeps Grafana's own.
// https://grafana.com/docs/grafana/latest/developers/http_api/folder/
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FolderDeleteAnswer, FolderSummary } from '../../contract/api.ts';
import { isRecord } from '../../contract/json.ts';
import { apiError } from '../errors.ts';
import { FolderIndex } from './folder-index.ts';
import { checkFolderUid, checkTitle, FolderError } from './folders.ts';
import type { ProvisionedDashboards } from './provisioned.ts';
import type { DashboardStore } from './store.ts';
import { newUid } from './store.ts';
import { jsonBody, storageError, type WriteDeps } from './write-routes.ts';

export interface FolderRouteDeps extends WriteDeps {
  folders: FolderIndex;
  provisioned: ProvisionedDashboards;
  saved: DashboardStore;
  readOnly: boolean;
}

export function folderRoutes(deps: FolderRouteDeps): Hono {
  const app = new Hono();
  const { folders } = deps;

  const refuse = (c: Context, err: unknown, what: string) => {
    if (err instanceof FolderError) {
      if (err.status === 412)
        return c.json({ status: 'version-mismatch', message: err.message }, 412);
      return apiError(c, err.status, err.errorType, err.message);
    }
    return storageError(c, deps, what, err);
  };

  app.get('/folders', async (c) =>
    c.json(
      (await folders.all()).map(
        (f) => ({ id: null, uid: f.uid, title: f.title }) satisfies FolderSummary,
      ),
    ),
  );

  app.get('/folders/:uid', async (c) => {
    const folder = await folders.get(c.req.param('uid'));
    if (!folder) return apiError(c, 404, 'not_found', 'folder not found');
    return c.json(FolderIndex.answer(folder, deps.readOnly));
  });

  app.post('/folders', async (c) => {
    const parsed = await jsonBody(c);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    try {
      if (!isRecord(body))
        throw new FolderError(
          400,
          'bad_data',
          'expected a JSON object {"title": "...", "uid"?: "..."}',
        );
      const title = checkTitle(body.title);
      const uid = body.uid === undefined || body.uid === '' ? newUid() : checkFolderUid(body.uid);
      const created = await folders.store.create(uid, title, await folders.provisionedTaken());
      return c.json(FolderIndex.answer({ ...created, provisioned: false }, deps.readOnly));
    } catch (err) {
      return refuse(c, err, 'could not create the folder');
    }
  });

  app.put('/folders/:uid', async (c) => {
    const uid = c.req.param('uid');
    const parsed = await jsonBody(c);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    try {
      if (!isRecord(body))
        throw new FolderError(
          400,
          'bad_data',
          'expected a JSON object {"title": "...", "version": n}',
        );
      const current = await folders.get(uid);
      if (!current) throw new FolderError(404, 'not_found', 'folder not found');
      if (current.provisioned) {
        throw new FolderError(
          400,
          'provisioned',
          `folder "${current.title}" comes from a dashboard provider's file; rename it there`,
        );
      }
      const title = checkTitle(body.title);
      const version = typeof body.version === 'number' ? body.version : undefined;
      const renamed = await folders.store.rename(
        uid,
        title,
        version,
        body.overwrite === true,
        await folders.provisionedTaken(),
      );
      return c.json(FolderIndex.answer({ ...renamed, provisioned: false }, deps.readOnly));
    } catch (err) {
      return refuse(c, err, 'could not rename the folder');
    }
  });

  app.delete('/folders/:uid', async (c) => {
    const uid = c.req.param('uid');
    try {
      const current = await folders.get(uid);
      if (!current) throw new FolderError(404, 'not_found', 'folder not found');
      if (current.provisioned) {
        throw new FolderError(
          400,
          'provisioned',
          `folder "${current.title}" comes from a dashboard provider's file; remove it there`,
        );
      }
      const removed = await folders.store.remove(
        uid,
        async () => (await deps.saved.countIn(uid)) === 0,
      );
      return c.json({
        title: removed.title,
        message: `Folder ${removed.title} deleted`,
        id: null,
      } satisfies FolderDeleteAnswer);
    } catch (err) {
      return refuse(c, err, 'could not delete the folder');
    }
  });

  return app;
}
