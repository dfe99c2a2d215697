// `promscope migrate-storage` between a real DATA_DIR and a real PostgreSQL (Debian's, started
// by test-postgres.ts), both ways: every dashboard and every version read back through the
// stores' read APIs equal to the original, folders and datasources too; a second run changes
// nothing and says so; a dashboard that differs in the target is left alone (exit 1) unless
// --overwrite; a corrupt file is named and skipped, the rest copied; bad input is refused in
// words (exit 2).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SavedDashboards } from '../dashboards/store.ts';
import type { FileSystem } from '../deps.ts';
import { nodeFiles } from '../main.node.ts';
import { connect } from '../pg.ts';
import { freePort, startPostgres, type TestPostgres } from '../test-postgres.ts';
import { fillDataDir, migrateStorage, readEverything } from './test-migrate.ts';

let pg: TestPostgres;
let root: string;
let dbs = 0;

/** A new, empty database on the test server. */
async function newDb(): Promise<string> {
  const admin = connect(pg.url, 1);
  const name = `m${dbs++}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return pg.url.replace(/\/postgres$/, `/${name}`);
}

beforeAll(async () => {
  pg = await startPostgres();
  root = await mkdtemp(join(tmpdir(), 'promscope-migrate-'));
}, 60_000);

afterAll(async () => {
  await pg?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('files → PostgreSQL → files', () => {
  let source: string;
  let db: string;
  let back: string;

  beforeAll(async () => {
    source = join(root, 'source');
    back = join(root, 'back');
    await fillDataDir(source);
    db = await newDb();
  });

  it('copies every dashboard with its versions, folders and datasources into PostgreSQL', async () => {
    const run = await migrateStorage(['--from', source, '--to', db]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Copying DATA_DIR ${source} → PostgreSQL promscope@127.0.0.1:`);
    expect(run.out).toMatch(/folders: +2 copied, 0 already there, 0 differing/);
    expect(run.out).toMatch(/datasources: +2 copied, 0 already there, 0 differing/);
    // many: 20 shown (8–27); ops-board: 4 (3 saves and the restore); team-board, root: 1.
    expect(run.out).toMatch(/dashboards: +4 copied \(26 versions\), 0 already there, 0 differing/);
    const original = await readEverything(source);
    expect(Object.keys(original.dashboards)).toEqual(['many', 'ops-board', 'root', 'team-board']);
    expect(original.versions.many!.map((v) => v.version)).toEqual(
      Array.from({ length: 20 }, (_, i) => 27 - i),
    );
    expect(await readEverything(db)).toEqual(original);
  });

  it('copies them back into a fresh DATA_DIR, equal to the original', async () => {
    const run = await migrateStorage(['--from', db, '--to', back]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/dashboards: +4 copied \(26 versions\)/);
    expect(await readEverything(back)).toEqual(await readEverything(source));
  });

  it('a second run changes nothing, either way, and says so', async () => {
    const before = await readEverything(db);
    for (const [from, to] of [
      [source, db],
      [db, back],
    ]) {
      const run = await migrateStorage(['--from', from!, '--to', to!]);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/folders: +0 copied, 2 already there, 0 differing/);
      expect(run.out).toMatch(/datasources: +0 copied, 2 already there, 0 differing/);
      expect(run.out).toMatch(/dashboards: +0 copied \(0 versions\), 4 already there, 0 differing/);
      expect(run.out).toContain('Nothing to do: the target already holds everything.');
    }
    expect(await readEverything(db)).toEqual(before);
  });

  it('keeps the 412 version check: the version a client holds is the one the copy has', async () => {
    const files = new SavedDashboards(nodeFiles, back);
    const stale = { uid: 'many', title: 'Many', version: 26 };
    expect(await files.save('many', { dashboard: stale, overwrite: false, message: '' })).toEqual({
      ok: false,
      reason: 'version-mismatch',
    });
    const fresh = { ...stale, version: 27 };
    const saved = await files.save('many', { dashboard: fresh, overwrite: false, message: 'new' });
    expect(saved).toMatchObject({ ok: true, version: 28 });
  });

  it('leaves a dashboard that differs in the target, names it, exits 1; --overwrite replaces it', async () => {
    // `back` now has version 28 of "many"; the database still 27.
    const dry = await migrateStorage(['--from', back, '--to', db, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain(
      'dashboard many ("Many") differs: the target is at version 27, the source at 28; left as it is (--overwrite replaces it)',
    );
    expect(dry.out).toMatch(/dashboards: +0 to copy \(0 versions\), 3 already there, 1 differing/);
    const before = await readEverything(db);
    const run = await migrateStorage(['--from', back, '--to', db]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Not everything was copied (see above)');
    expect(await readEverything(db)).toEqual(before);

    const dryOver = await migrateStorage(['--from', back, '--to', db, '--overwrite', '--dry-run']);
    expect(dryOver.code).toBe(0);
    expect(dryOver.out).toContain('Dry run: nothing was written.');
    expect(await readEverything(db)).toEqual(before);

    const over = await migrateStorage(['--from', back, '--to', db, '--overwrite']);
    expect(over.code).toBe(0);
    expect(over.out).toContain('dashboard many ("Many") replaced: the target is at version 27');
    expect(over.out).toMatch(/dashboards: +0 copied \(20 versions\), 1 replaced, 3 already there/);
    const now = await readEverything(db);
    expect(now).toEqual(await readEverything(back));
    expect(now.versions.many![0]).toMatchObject({ version: 28, message: 'new' });
  });

  it('names a folder or datasource that differs, and keeps the target’s', async () => {
    const other = join(root, 'other');
    await mkdir(other, { recursive: true });
    await writeFile(
      join(other, 'folders.json'),
      JSON.stringify({
        folders: [
          {
            uid: 'ops',
            title: 'Ops (renamed)',
            version: 2,
            created: '2026-01-01T00:00:00.000Z',
            updated: '2026-01-02T00:00:00.000Z',
          },
          {
            uid: 'team-b',
            title: 'team a (PAYMENTS)',
            version: 1,
            created: '2026-01-01T00:00:00.000Z',
            updated: '2026-01-01T00:00:00.000Z',
          },
          // Edited by hand: no version nor times.
          { uid: 'bare', title: 'Bare' },
        ],
      }),
    );
    await writeFile(
      join(other, 'datasources.json'),
      JSON.stringify({
        datasources: [
          { uid: 'ds-other', name: 'Dup', url: 'http://127.0.0.1:8428' },
          { uid: 'ds-nourl', name: 'No URL' },
        ],
      }),
    );
    const before = await readEverything(db);
    const run = await migrateStorage(['--from', other, '--to', db, '--overwrite']);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'folder "team a (PAYMENTS)" (team-b) not copied: the target has a folder of that title under uid team-a; rename one of them',
    );
    expect(run.out).toContain('folder ops replaced: "Operations" → "Ops (renamed)"');
    expect(run.out).toContain(
      'datasource "Dup" (ds-other) not copied: the target has http://127.0.0.1:8428 under uid ds-vm; remove one of them',
    );
    expect(run.out).toContain(
      'folder bare not copied: DATA_DIR ' +
        `${other}: its version, created or updated is missing or not valid; fix folders.json and run again`,
    );
    expect(run.out).toContain('datasource "No URL" not copied: DATA_DIR ');
    expect(run.out).toMatch(
      /folders: +0 copied, 1 replaced, 0 already there, 1 differing, 1 unreadable/,
    );
    const after = await readEverything(db);
    expect(after.folders.find((f) => f.uid === 'ops')?.title).toBe('Ops (renamed)');
    expect(after.folders.map((f) => f.uid)).toEqual(before.folders.map((f) => f.uid));
    expect(after.datasources).toEqual(before.datasources);
  });
});

describe('a corrupt file', () => {
  it('is named and skipped; the rest is copied; exit 1; once fixed, a re-run finishes', async () => {
    const dir = join(root, 'corrupt');
    await fillDataDir(dir);
    await writeFile(join(dir, 'dashboards', 'broken.json'), '{"title": "Broken",');
    await writeFile(join(dir, 'dashboards', 'versions', 'many', '12.json'), 'not json');
    const db = await newDb();
    const run = await migrateStorage(['--from', dir, '--to', db]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`dashboard broken not copied: ${dir}/dashboards/broken.json: `);
    expect(run.out).toContain(
      `dashboard many not copied: ${dir}/dashboards/versions/many/12.json: `,
    );
    expect(run.out).toMatch(
      /dashboards: +3 copied \(6 versions\), 0 already there, 0 differing, 2 unreadable/,
    );
    const copied = await readEverything(db);
    expect(Object.keys(copied.dashboards)).toEqual(['ops-board', 'root', 'team-board']);

    await rm(join(dir, 'dashboards', 'broken.json'));
    const record = JSON.parse(
      JSON.stringify((await readEverything(join(root, 'source'))).dashboards),
    ) as Record<string, { history: { version: number }[] }>;
    const twelve = record.many!.history.find((r) => r.version === 12);
    // The source's own record 12 (same saves, other times) makes the file whole again.
    await writeFile(join(dir, 'dashboards', 'versions', 'many', '12.json'), JSON.stringify(twelve));
    const again = await migrateStorage(['--from', dir, '--to', db]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/dashboards: +1 copied \(20 versions\), 3 already there/);
    expect(await readEverything(db)).toEqual(await readEverything(dir));
  });
});

describe('a failure half-way', () => {
  it('leaves the target whole (each dashboard all there or absent); a re-run finishes', async () => {
    const db = await newDb();
    expect((await migrateStorage(['--from', join(root, 'source'), '--to', db])).code).toBe(0);
    const target = join(root, 'halfway');
    // The disk fills up at the 30th file written: amid the history of "many" (20 records).
    let writes = 0;
    const full: FileSystem = {
      ...nodeFiles,
      async writeFileAtomic(path, data) {
        if (++writes >= 30) {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return nodeFiles.writeFileAtomic(path, data);
      },
    };
    const run = await migrateStorage(['--from', db, '--to', target], full);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'promscope migrate-storage: stopped: ENOSPC: no space left on device',
    );
    expect(run.err).toContain('run the same command again to finish');
    const source = await readEverything(db);
    const half = await readEverything(target);
    const there = Object.keys(half.dashboards);
    expect(there.length).toBeGreaterThan(0);
    expect(there.length).toBeLessThan(Object.keys(source.dashboards).length);
    for (const uid of there) expect(half.dashboards[uid]).toEqual(source.dashboards[uid]);

    const again = await migrateStorage(['--from', db, '--to', target]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already there/);
    expect(await readEverything(target)).toEqual(source);
  });
});

describe('bad input', () => {
  it.each([
    [
      'a missing DATA_DIR',
      () => ['--from', join(root, 'nowhere'), '--to', join(root, 'x')],
      'DATA_DIR ROOT/nowhere does not exist',
    ],
    [
      'the same DATA_DIR twice',
      () => ['--from', join(root, 'source'), '--to', `${join(root, 'source')}/`],
      '--from and --to name the same storage',
    ],
    [
      'the same database twice',
      () => ['--from', pg.url, '--to', pg.url.replace('127.0.0.1', 'localhost')],
      '--from and --to name the same storage',
    ],
    ['no --to', () => ['--from', root], 'both --from and --to are needed'],
  ])('%s: exit 2, said in words', async (_, argv, message) => {
    const run = await migrateStorage(argv());
    expect(run.code).toBe(2);
    expect(run.err).toContain(message.replace('ROOT', root));
  });

  it('an existing folder that holds nothing: exit 0, but asked whether it is the right one', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty, { recursive: true });
    const run = await migrateStorage(['--from', empty, '--to', join(root, 'empty-target')]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'The source holds no saved dashboards, folders or datasources: is it the right one?',
    );
  });

  it('an unreachable PostgreSQL', async () => {
    const port = await freePort();
    const url = `postgres://promscope:secret@127.0.0.1:${port}/promscope`;
    const run = await migrateStorage(['--from', join(root, 'source'), '--to', url]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `promscope migrate-storage: PostgreSQL promscope@127.0.0.1:${port}/promscope: connection refused at 127.0.0.1:${port}: is PostgreSQL running there, on that port?`,
    );
    expect(run.err).not.toContain('secret');
  });

  it('a database that does not exist, and one no server ran on', async () => {
    const missing = pg.url.replace(/\/postgres$/, '/nosuchdb');
    const run = await migrateStorage(['--from', join(root, 'source'), '--to', missing]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('database "nosuchdb" does not exist; create it first (createdb)');
    const empty = await newDb();
    const from = await migrateStorage(['--from', empty, '--to', join(root, 'y')]);
    expect(from.code).toBe(2);
    expect(from.err).toContain('holds no Promscope tables: no server has run on it');
  });
});
