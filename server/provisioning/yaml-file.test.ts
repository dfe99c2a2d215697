import { describe, expect, it } from 'vitest';
import { parseYamlFile } from './yaml-file.ts';

describe('parseYamlFile', () => {
  it('names the file, line and field of a syntax error, without quoting the file', () => {
    const text = [
      'apiVersion: 1',
      'datasources:',
      '  - name: prom',
      '    secureJsonData:',
      '      basicAuthPassword: s3cret: more',
      '    url: http://x',
      '',
    ].join('\n');
    const parsed = parseYamlFile('ds.yaml', text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(/^ds\.yaml:5:\d+: /);
    expect(parsed.error).toContain('(in datasources[0].secureJsonData)');
    expect(parsed.error).not.toContain('s3cret');
  });

  it('refuses a duplicate key with its line', () => {
    const parsed = parseYamlFile('a.yml', 'apiVersion: 1\napiVersion: 2\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^a\.yml:2:1: .*unique/i);
  });

  it('says where a value sits', () => {
    const parsed = parseYamlFile(
      'p.yaml',
      'providers:\n  - name: a\n    options:\n      path: x\n',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.yaml.value).toEqual({ providers: [{ name: 'a', options: { path: 'x' } }] });
    expect(parsed.yaml.where(['providers', 0, 'options', 'path'])).toBe('p.yaml:4');
    expect(parsed.yaml.where(['nothing'])).toBe('p.yaml');
  });

  it('refuses an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const parsed = parseYamlFile('bomb.yaml', bomb);
    expect(parsed.ok).toBe(false);
  });
});
