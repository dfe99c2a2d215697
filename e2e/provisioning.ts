// A Promscope server of its own for the provisioning specs: a copy of
// e2e/fixtures/provisioning (the seed's datasource file, a tenant with secrets, a provider with
// two folders from the file structure) as PROVISIONING_DIR, an empty DASHBOARDS_DIR and a
// fresh DATA_DIR, pointed at the e2e Prometheus through the environment; `storage` adds a
// DATABASE_URL on the api-pg project (e2e/storage.ts).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prometheusUrl } from './fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from './server-process.ts';

export const TENANT_PASSWORD = 'e2e-tenant-password-s3cret';
export const TENANT_ORG = 'tenant-a-secret-org';

export async function startProvisioned(
  runtime: Runtime,
  storage: Record<string, string> = {},
): Promise<{ server: ServerProcess; stop: () => Promise<void> }> {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-provisioning-'));
  const provisioning = join(tmp, 'provisioning');
  await cp(join(process.cwd(), 'e2e', 'fixtures', 'provisioning'), provisioning, {
    recursive: true,
  });
  await mkdir(join(tmp, 'dashboards'));
  const server = await startPromscope(runtime, {
    PROVISIONING_DIR: provisioning,
    DASHBOARDS_DIR: join(tmp, 'dashboards'),
    DATA_DIR: join(tmp, 'data'),
    // Not set: the provisioned datasources are all there is.
    PROMETHEUS_URL: '',
    SCRAPE_INTERVAL: '1s',
    E2E_PROM_ADDR: new URL(prometheusUrl()).host,
    E2E_TENANT_PASSWORD: TENANT_PASSWORD,
    ...storage,
  }).catch(async (err) => {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  });
  return {
    server,
    stop: async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
