import { describe, expect, it } from 'vitest';
import { fileName } from './file-name.ts';

describe('fileName', () => {
  it('keeps a readable title and drops path and shell characters', () => {
    expect(fileName('Service overview', 'json')).toBe('Service overview.json');
    expect(fileName('../etc/passwd: a*b?', 'csv')).toBe('etc passwd a b.csv');
    expect(fileName('Latenz p99 – Größe', 'csv')).toBe('Latenz p99 Größe.csv');
    expect(fileName('///', 'csv')).toBe('panel.csv');
  });
});
