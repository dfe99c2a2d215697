// Where in the query Prometheus says its parse error is. Pure (no CodeMirror), so the Explore
// page can use it eagerly and the tests run in node.
//
// Prometheus formats parse errors as "<line>:<col>: parse error: …" (ParseErr.Error, via
// PositionRange.StartPosInput: https://github.com/prometheus/prometheus/blob/main/promql/parser/posrange/posrange.go).
// Both numbers are 1-based, and the column counts UTF-8 *bytes* from the last line break, since
// Go strings are bytes. Prometheus 1.x said "parse error at char <n>: …" with a byte offset into
// the whole query instead; that reads as line 1, column n and is walked across line breaks below.

export interface ErrorPosition {
  line: number; // 1-based
  column: number; // 1-based, in UTF-8 bytes as Prometheus counts
}

// The API wraps the parser's text, e.g. `invalid parameter "query": 1:14: parse error: …`,
// so neither pattern is anchored to the start.
const LINE_COLUMN = /\b(\d+):(\d+): parse error\b/;
const CHAR_OFFSET = /\bparse error at char (\d+)\b/;

/** The position in a Prometheus parse error message, or null when it names none. */
export function parseErrorPosition(message: string): ErrorPosition | null {
  const lc = LINE_COLUMN.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const ch = CHAR_OFFSET.exec(message);
  if (ch) return { line: 1, column: Number(ch[1]) };
  return null;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * The UTF-16 offset (what CodeMirror and JS strings use) of a Prometheus position in `doc`,
 * clamped to the document: a line past the end gives doc.length, a column past its line runs on
 * into the next lines (which is what the old whole-query "char n" offsets need).
 */
export function positionToOffset(doc: string, pos: ErrorPosition): number {
  const line = Math.max(1, Math.floor(pos.line));
  const bytes = Math.max(0, Math.floor(pos.column) - 1);

  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = doc.indexOf('\n', offset);
    if (nl < 0) return doc.length;
    offset = nl + 1;
  }

  let seen = 0;
  while (seen < bytes && offset < doc.length) {
    const cp = doc.codePointAt(offset)!;
    seen += utf8Length(cp);
    offset += cp > 0xffff ? 2 : 1;
  }
  return offset;
}
