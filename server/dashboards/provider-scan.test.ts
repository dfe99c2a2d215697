import { describe, expect, it } from 'vitest';
import type { DashboardProvider } from '../provisioning/providers.ts';
import { MemoryFs } from '../test-helpers.ts';
import { ProviderScan } from './provider-scan.ts';

const provider = (over: Partial<DashboardProvider> = {}): DashboardProvider => ({
  name: 'p',
  path: '/p',
  foldersFromFilesStructure: false,
  folder: '',
  folderUid: '',
  allowUiUpdates: false,
  disableDeletion: false,
  updateIntervalSeconds: 10,
  source: 'dashboards/p.yaml:3',
  recursive: true,
  ...over,
});
const dash = (uid: string) => JSON.stringify({ uid, title: uid });

describe('ProviderScan', () => {
  it('looks at the folder again only after updateIntervalSeconds', async () => {
    const fs = new MemoryFs({ '/p/a.json': dash('a') });
    let now = 0;
    const scan = new ProviderScan(fs, provider(), () => now);
    expect((await scan.list()).map((e) => e.uid)).toEqual(['a']);
    fs.put('/p/b.json', dash('b'));
    now = 9_999;
    expect((await scan.list()).map((e) => e.uid)).toEqual(['a']);
    now = 10_000;
    expect((await scan.list()).map((e) => e.uid)).toEqual(['a', 'b']);
  });

  it('keeps a dashboard whose file went away with disableDeletion, drops it without', async () => {
    for (const disableDeletion of [true, false]) {
      const fs = new MemoryFs({ '/p/team/a.json': dash('a') });
      const scan = new ProviderScan(
        fs,
        provider({ disableDeletion, updateIntervalSeconds: 0, foldersFromFilesStructure: true }),
      );
      expect((await scan.list()).map((e) => e.uid)).toEqual(['a']);
      fs.files.delete('/p/team/a.json');
      fs.put('/p/other.json', dash('o'));
      const uids = (await scan.list()).map((e) => e.uid).sort();
      expect(uids).toEqual(disableDeletion ? ['a', 'o'] : ['o']);
      expect((await scan.folders()).map((f) => f.title)).toEqual(disableDeletion ? ['team'] : []);
    }
  });

  it('puts every dashboard in the provider folder, named by folder or folderUid', async () => {
    const fs = new MemoryFs({ '/p/a.json': dash('a'), '/p/sub/b.json': dash('b') });
    const scan = new ProviderScan(fs, provider({ folder: 'Ops', folderUid: 'ops' }));
    expect((await scan.list()).map((e) => [e.uid, e.folderUid, e.file])).toEqual([
      ['a', 'ops', 'a.json'],
      ['b', 'ops', 'sub/b.json'],
    ]);
    expect(await scan.folders()).toEqual([{ uid: 'ops', title: 'Ops', provider: 'p' }]);
  });
});
