import { describe, expect, it } from 'vitest';
import { formatDate } from './date-format.ts';

// 2020-07-13T20:19:09.254Z, Grafana's own example instant (template_srv.test.ts).
const T = 1594671549254;

describe('formatDate (moment.js tokens)', () => {
  it.each([
    ['YYYY-MM', '2020-07'],
    ['YYYY-MM-DD HH:mm:ss', '2020-07-13 20:19:09'],
    ['YY Q M MM MMM MMMM', '20 3 7 07 Jul July'],
    ['D DD Do DDD DDDD', '13 13 13th 195 195'],
    ['d dd ddd dddd', '1 Mo Mon Monday'],
    ['H HH h hh k kk A a', '20 20 8 08 20 20 PM pm'],
    ['m mm s ss S SS SSS', '19 19 9 09 2 25 254'],
    ['Z ZZ X x', '+00:00 +0000 1594671549 1594671549254'],
    ['[at] HH[h]', 'at 20h'],
    ['YYYY/MM/DD, é!', '2020/07/13, é!'],
  ])('%s → %s', (format, expected) => {
    expect(formatDate(T, format, 'utc')).toBe(expected);
  });

  it('ordinals as moment prints them', () => {
    const day = (d: number) => formatDate(Date.UTC(2020, 0, d), 'Do', 'utc');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(day)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
  });

  it('local time by default', () => {
    const d = new Date(T);
    expect(formatDate(T, 'H:m')).toBe(`${d.getHours()}:${d.getMinutes()}`);
  });
});
