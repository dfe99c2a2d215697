import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from './nesting.ts';

describe('nestingDepth', () => {
  it.each([
    ['up', 0],
    ['', 0],
    ['rate(x[5m])', 2],
    ['sum(rate(x{a="b"}[5m]))', 3],
    ['histogram_quantile(0.99, sum by (le) (rate(x_bucket{job="api"}[5m])))', 4],
    ['max_over_time((sum(rate(x[1m])))[1h:5m])', 5],
    ['(a) + (b) + ((c))', 2],
  ])('counts %j as %i', (expr, depth) => {
    expect(nestingDepth(expr)).toBe(depth);
  });

  it('counts the attack shapes at their full depth', () => {
    const d = 3000;
    expect(nestingDepth(`${'('.repeat(d)}1${')'.repeat(d)}`)).toBe(d);
    expect(nestingDepth(`${'-('.repeat(d)}1${')'.repeat(d)}`)).toBe(d);
    expect(nestingDepth(`${'abs('.repeat(d)}vector(1)${')'.repeat(d)}`)).toBe(d + 1);
    expect(nestingDepth(`${'abs('.repeat(d)}up{job="a"}[5m]${')'.repeat(d)}`)).toBe(d + 1);
    // Unclosed, or closed with the wrong kind of bracket: still counted.
    expect(nestingDepth('('.repeat(d))).toBe(d);
    expect(nestingDepth(`${'(['.repeat(d / 2)}${'}'.repeat(d)}`)).toBe(d);
  });

  it('does not count brackets in strings, escaped quotes included', () => {
    expect(nestingDepth('x{a="((((("}')).toBe(1);
    expect(nestingDepth("x{a='[[[[['}")).toBe(1);
    expect(nestingDepth('x{a=`{{{{{\n((((`}')).toBe(1);
    expect(nestingDepth('x{a="\\"(((("}')).toBe(1);
    expect(nestingDepth("x{a='\\'(((('}")).toBe(1);
    expect(nestingDepth('x{a="\\\\"}((1))')).toBe(2);
    // A quote of the other kind does not end the string.
    expect(nestingDepth('x{a="\'((((\'"}')).toBe(1);
  });

  it('does not count brackets in comments, up to the end of the line', () => {
    expect(nestingDepth('up # ((((((((')).toBe(0);
    expect(nestingDepth('sum( # ((((\nup)')).toBe(1);
    expect(nestingDepth('sum( # ((((\r((up)))')).toBe(3);
    // A `#` inside a string is not a comment.
    expect(nestingDepth('x{a="#"}((1))')).toBe(2);
  });

  it('counts more, never less, where Prometheus would stop with an error', () => {
    // A quoted string ends at a line break (Prometheus: "unterminated quoted string").
    expect(nestingDepth('x{a="(\n(((1)))')).toBe(4); // { and (((
    // A close with nothing open does not lower the count of what follows.
    expect(nestingDepth(')))(((1)))')).toBe(3);
  });

  it('stops reading once past the limit', () => {
    expect(nestingDepth(`${'('.repeat(5000)}1`, 100)).toBe(101);
    expect(nestingDepth('((1))', 100)).toBe(2);
  });
});

// Property tests: a random expression wrapped in a random number of brackets, with strings
// and comments full of brackets in between.
const OPENERS = ['(', 'abs(', 'sum by (job) (', '-(', 'max_over_time('] as const;

/** A PromQL string literal of random content, brackets and quotes included. */
const stringLiteral = fc
  .tuple(
    fc.constantFrom('"', "'", '`'),
    fc.array(fc.constantFrom('(', ')', '[', ']', '{', '}', '"', "'", '`', '\\', '#', 'a', ' ')),
  )
  .map(([quote, chars]) => {
    if (quote === '`') return `\`${chars.filter((c) => c !== '`').join('')}\``;
    // Escape what would end the string early in Prometheus: the quote and the backslash.
    const body = chars.map((c) => (c === quote || c === '\\' ? `\\${c}` : c)).join('');
    return `${quote}${body}${quote}`;
  });

/** A leaf at depth 1 (its braces) whose label value is a string full of brackets. */
const leaf = stringLiteral.map((s) => `up{job=${s}}`);

/** A comment of random content, brackets included, to the end of its line. */
const comment = fc
  .array(fc.constantFrom('(', ')', '[', ']', '{', '}', '"', "'", '`', '#', 'a'))
  .map((chars) => `# ${chars.join('')}\n`);

/** `leaf` inside `depth` openers, each line perhaps ending in a comment; depth is depth + 1. */
function wrapped(depth: number, opener: string, s: string, notes: string[]): string {
  let out = s;
  for (let i = 0; i < depth; i++) out = `${opener}${notes[i % notes.length] ?? ''}${out})`;
  return out;
}

describe('nestingDepth properties', () => {
  it('is exactly the wrapping depth: brackets in strings and comments never count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(...OPENERS),
        leaf,
        fc.array(comment, { maxLength: 3 }),
        (depth, opener, s, notes) => {
          const expr = wrapped(depth, opener, s, notes);
          // `sum by (job) (` adds a level of its own for a moment, never deeper than its `(`.
          expect(nestingDepth(expr)).toBe(depth + 1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is over a limit exactly when the depth is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...OPENERS),
        leaf,
        (limit, depth, opener, s) => {
          const expr = wrapped(depth, opener, s, []);
          expect(nestingDepth(expr, limit) > limit).toBe(depth + 1 > limit);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('counts nothing in an expression that is one string or one comment', () => {
    fc.assert(
      fc.property(stringLiteral, comment, (s, note) => {
        expect(nestingDepth(s)).toBe(0);
        expect(nestingDepth(note)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
