// POST /api/dashboards/import {dashboard, overwrite?, inputs?, folderUid?}: a Grafana dashboard
// JSON, normalised to what Promscope draws and saved like any other, into the folder named (an
// unknown one is refused before anything is written); the answer says, per panel, what could
// not be mapped (and was kept untouched in the JSON).
// https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/#import-dashboard

import { Hono } from 'hono';
import type { ImportAnswer, ImportExistsAnswer } from '../../contract/api.ts';
import { isRecord } from '../../contract/json.ts';
import { apiError } from '../errors.ts';
import { ImportError, normaliseDashboard } from './grafana/index.ts';
import { checkPanelCount, checkSaveRequest, DEFAULT_MAX_PANELS } from './validate.ts';
import type { WriteDeps } from './write-routes.ts';
import {
  folderRefusal,
  freshUid,
  jsonBody,
  provisionedRefusal,
  storageError,
} from './write-routes.ts';

/** Grafana's import inputs: [{name: 'DS_PROMETHEUS', value: 'uid'}, …]. */
function readInputs(v: unknown): { name: string; value: string }[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return 'inputs: must be an array';
  const out: { name: string; value: string }[] = [];
  for (const [i, x] of v.entries()) {
    if (!isRecord(x) || typeof x.name !== 'string' || typeof x.value !== 'string') {
      return `inputs[${i}]: must be {name, value} strings`;
    }
    out.push({ name: x.name, value: x.value });
  }
  return out;
}

export function dashboardImportRoute(deps: WriteDeps): Hono {
  const app = new Hono();
  app.post('/dashboards/import', async (c) => {
    const parsed = await jsonBody(c);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (!isRecord(body)) return apiError(c, 400, 'bad_data', 'body: must be a JSON object');
    const inputs = readInputs(body.inputs);
    if (typeof inputs === 'string') return apiError(c, 400, 'bad_data', inputs);
    const overwrite = body.overwrite === true;
    // Counted before normalising, which would walk every one of them.
    if (isRecord(body.dashboard)) {
      const counted = checkPanelCount(body.dashboard, deps.maxPanels ?? DEFAULT_MAX_PANELS);
      if (!counted.ok) return apiError(c, 400, 'bad_data', counted.error);
    }

    let normalised: ReturnType<typeof normaliseDashboard>;
    try {
      normalised = normaliseDashboard(body.dashboard, {
        inputs,
        datasources: deps.datasources?.(),
      });
    } catch (err) {
      if (err instanceof ImportError)
        return apiError(c, 400, 'bad_data', `dashboard.${err.message}`);
      throw err;
    }
    // The file's own id and version belong to the Grafana it came from.
    const { id: _id, version: _version, ...dashboard } = normalised.dashboard;
    const checked = checkSaveRequest({
      dashboard,
      overwrite,
      message: 'Imported',
      ...(body.folderUid !== undefined ? { folderUid: body.folderUid } : {}),
    });
    if (!checked.ok) return apiError(c, 400, 'bad_data', checked.error);
    const noFolder = await folderRefusal(c, deps, checked.value.folderUid);
    if (noFolder) return noFolder;

    const uid = typeof dashboard.uid === 'string' && dashboard.uid ? dashboard.uid : '';
    const refusal = uid && (await provisionedRefusal(c, deps, uid, 'import over'));
    if (refusal) return refusal;
    if (uid && !overwrite && (await deps.saved.exists(uid))) {
      return c.json(
        {
          status: 'exists',
          message: `A dashboard with uid "${uid}" exists; import with overwrite to replace it`,
        } satisfies ImportExistsAnswer,
        412,
      );
    }
    const target = uid || (await freshUid(deps));
    try {
      const result = await deps.saved.save(target, { ...checked.value, overwrite: true });
      if (!result.ok)
        return apiError(c, 409, 'conflict', 'the dashboard changed during the import');
      const url = `/d/${result.uid}/${result.slug}`;
      return c.json({
        status: 'success',
        imported: true,
        uid: result.uid,
        title: checked.value.dashboard.title as string, // checkSaveRequest: a non-empty string
        slug: result.slug,
        version: result.version,
        url,
        importedUrl: url,
        issues: normalised.issues,
      } satisfies ImportAnswer);
    } catch (err) {
      return storageError(c, deps, `could not import dashboard "${target}"`, err);
    }
  });
  return app;
}
