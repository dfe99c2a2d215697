// Property tests (fast-check) for variable interpolation: any value a variable can hold —
// regex metacharacters, quotes, backslashes, markup — lands in a PromQL regex that matches
// exactly the selected values and in a string that stays one string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScopedVariable } from './format.ts';
import { interpolateVariables } from './format.ts';

const HOSTILE = [
  '.*',
  '"',
  '\\',
  '\\"',
  '"}',
  '$1',
  '${x}',
  '[[x]]',
  '(a|b)',
  '<img src=x onerror=alert(1)>',
  '</script>',
  'a\nb',
  '^$',
  '{}',
  '%2e%2e',
];
const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 }));

/** Undoes PromQL's double-quoted string escapes (\\, \", \n, \r), as the PromQL lexer does. */
function unquote(s: string): string {
  const chars: Record<string, string> = { n: '\n', r: '\r' };
  return s.replace(/\\(["\\nr])/g, (_m, c: string) => chars[c] ?? c);
}

describe('interpolation, fuzzed', () => {
  it('a multi-value regex matches the selected values and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(value, { minLength: 1, maxLength: 5 }), value, (values, other) => {
        const v: ScopedVariable = { values, text: values.join(' + '), regex: true };
        const out = interpolateVariables('$v', new Map([['v', v]]), 'promql');
        // Inside "…" nothing may end the string early: every quote is escaped.
        expect(/(^|[^\\])(\\\\)*"/.test(out)).toBe(false);
        const re = new RegExp(`^(?:${unquote(out)})$`, 's');
        for (const x of values) expect(re.test(x)).toBe(true);
        if (!values.includes(other)) expect(re.test(other)).toBe(false);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('a single value stays one PromQL string with the same content', () => {
    // Or it is one complete, well-formed label matcher, which passes as written (as in
    // Grafana), so `{$v}` is that one matcher.
    const matcher = fc
      .tuple(fc.constantFrom('job', 'a_b'), fc.constantFrom('=', '!=', '=~', '!~'), value)
      .map(([l, op, x]) => `${l}${op}"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
    fc.assert(
      fc.property(fc.oneof(value, matcher), (x) => {
        const v: ScopedVariable = { values: [x], text: x, regex: false };
        const out = interpolateVariables('"$v"', new Map([['v', v]]), 'promql');
        const complete = /^\w+(=|!=|=~|!~)"(?:[^"\\\n\r]|\\.)*"$/.test(x);
        if (complete) {
          expect(out).toBe(`"${x}"`);
          // What stays outside the matcher's quotes is its label and operator only.
          expect(x.slice(x.indexOf('"') + 1, -1)).not.toMatch(/(^|[^\\])(\\\\)*"/);
          return;
        }
        expect(unquote(out.slice(1, -1))).toBe(x);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('never throws, whatever the template', () => {
    fc.assert(
      fc.property(fc.string(), value, (template, x) => {
        const v: ScopedVariable = { values: [x], text: x, regex: false };
        interpolateVariables(template, new Map([['v', v]]), 'promql');
        interpolateVariables(template, new Map([['v', v]]), 'text');
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
