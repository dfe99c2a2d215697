import { expect, describe as group, it } from 'vitest';
import { describe, parseArgs, parseLocation, redact, sameStorage, UsageError } from './args.ts';

const pg = (url: string) => ({ kind: 'postgres', url }) as const;
const dir = (d: string) => ({ kind: 'files', dir: d }) as const;

group('parseArgs', () => {
  it('reads --from and --to, either spelling, and the switches', () => {
    expect(parseArgs(['--from', '/var/lib/promscope', '--to=postgres://u@db/p'])).toEqual({
      from: dir('/var/lib/promscope'),
      to: pg('postgres://u@db/p'),
      overwrite: false,
      dryRun: false,
    });
    const both = parseArgs(['--to', 'b', '--overwrite', '--from', 'a', '--dry-run']);
    expect(both).toMatchObject({ overwrite: true, dryRun: true, from: dir('a'), to: dir('b') });
  });

  it('is null for --help, wherever it stands', () => {
    expect(parseArgs(['--help'])).toBeNull();
    expect(parseArgs(['--from', 'a', '-h'])).toBeNull();
  });

  it.each([
    [[], 'both --from and --to are needed'],
    [['--from', 'a'], 'both --from and --to are needed'],
    [['--from'], '--from needs a value'],
    [['--from', 'a', '--from', 'b', '--to', 'c'], '--from given twice'],
    [['--from', 'a', '--to', 'b', '--force'], 'unknown argument --force'],
    [['--from', 'a', '--to', 'b', '--overwrite=yes'], '--overwrite takes no value'],
    [['--from', '', '--to', 'b'], '--from needs a DATA_DIR path or a postgres:// URL'],
    [['--from', 'mysql://x/y', '--to', 'b'], 'only a DATA_DIR path or a postgres:// URL'],
    [['--from', 'a', '--to', 'postgres://db:99999/p'], 'is not a valid URL'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

group('parseLocation', () => {
  it('takes postgresql:// too, as libpq does', () => {
    expect(parseLocation('postgresql://db/p', '--to')).toEqual(pg('postgresql://db/p'));
  });
});

group('redact and describe', () => {
  it('never shows the password', () => {
    expect(redact('postgres://promscope:s3cr:et@db:5432/p')).toBe(
      'postgres://promscope:***@db:5432/p',
    );
    expect(describe(pg('postgres://promscope:s3cret@db:5432/p'))).toBe(
      'PostgreSQL promscope@db:5432/p',
    );
    expect(describe(dir('/var/lib/promscope'))).toBe('DATA_DIR /var/lib/promscope');
  });
});

group('sameStorage', () => {
  it.each([
    [dir('/a'), dir('/a/'), true],
    [dir('/a'), dir('/b'), false],
    [pg('postgres://u:x@db/p'), pg('postgres://v@DB:5432/p?sslmode=require'), true],
    [pg('postgres://u@localhost/p'), pg('postgres://u@127.0.0.1:5432/p'), true],
    [pg('postgres://u@db/p'), pg('postgres://u@db/q'), false],
    [pg('postgres://u@db:5433/p'), pg('postgres://u@db/p'), false],
    // libpq: no database named means the user's name.
    [pg('postgres://alice@db'), pg('postgres://bob@db/alice'), true],
    [dir('/a'), pg('postgres://u@db/p'), false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameStorage(a, b)).toBe(same);
  });
});
