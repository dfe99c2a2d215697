// How deeply a PromQL expression nests its brackets, for MAX_QUERY_NESTING. Prometheus' parse
// time grows with the square of the nesting: `((((…1…))))` 3,000 deep costs Debian's
// Prometheus 2.42 0.2–0.8 s (`-(-(…))` 0.5–3 s) and 10,000 deep 2–3 s, on a busy two-core
// machine; under the 64 KiB MAX_QUERY_LENGTH it can go 32,000 deep, 15 s of a Prometheus
// core per request, which its own `timeout` parameter does not stop (it counts from
// evaluation on). So nesting past a limit is refused before anything is sent.
//
// One pass over the characters, no tokens and no tree: this runs on every proxied query.
// `(`, `[` and `{` open a level and `)`, `]`, `}` close one, as Prometheus' lexer reads them:
// not inside "…", '…' (backslash escapes) or `…` strings, nor in a `#` comment to the end
// of the line. Where our reading and Prometheus' could differ, it counts more, never less:
// a quoted string also ends at a line break (where Prometheus stops with "unterminated quoted
// string"), and a close with nothing open is ignored rather than allowed to lower the count.

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKTICK = 0x60;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The deepest bracket nesting of `expr` outside strings and comments: `up` is 0,
 * `sum(rate(x{a="b"}[5m]))` 3. The scan stops as soon as the depth passes `stopAbove`
 * (the answer is then `stopAbove + 1`), so refusing a hostile expression costs no more
 * than reading up to the limit.
 */
export function nestingDepth(expr: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  const n = expr.length;
  for (let i = 0; i < n; i++) {
    const ch = expr.charCodeAt(i);
    if (ch === OPEN_PAREN || ch === OPEN_BRACKET || ch === OPEN_BRACE) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (ch === CLOSE_PAREN || ch === CLOSE_BRACKET || ch === CLOSE_BRACE) {
      if (depth > 0) depth--;
    } else if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      // A quoted string: to its closing quote, past backslash escapes, or to a line break.
      for (i++; i < n; i++) {
        const c = expr.charCodeAt(i);
        if (c === ch || c === LF) break;
        if (c === BACKSLASH) i++;
      }
    } else if (ch === BACKTICK) {
      // A raw string: no escapes, may span lines.
      for (i++; i < n && expr.charCodeAt(i) !== BACKTICK; i++);
    } else if (ch === HASH) {
      for (i++; i < n; i++) {
        const c = expr.charCodeAt(i);
        if (c === LF || c === CR) break;
      }
    }
  }
  return deepest;
}
