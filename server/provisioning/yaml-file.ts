// A provisioning YAML file parsed with the `yaml` library, keeping where each value sits, so
// that every complaint about the file names the file, the line and the field. Messages never
// quote the file's text: a line of a datasource file may hold a password.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface YamlFile {
  file: string;
  value: unknown;
  /** "file:line" of the value at `path` (keys and list indexes), or just the file. */
  where(path: readonly (string | number)[]): string;
}

export type Parsed = { ok: true; yaml: YamlFile } | { ok: false; error: string };

/** Under these keys even a key may be a secret's text, when the syntax is broken. */
const SECRET_KEYS = new Set(['secureJsonData', 'secure_json_data']);

/** The dotted field a position falls in ("datasources[0].url"), for syntax errors. */
function fieldAt(node: unknown, offset: number, path: string): string {
  const last = /[^.[\]]+$/.exec(path)?.[0];
  if (last && SECRET_KEYS.has(last)) return path;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : '?';
      const value = item.value as Node | null;
      const keyNode = item.key as Node | null;
      const start = keyNode?.range?.[0] ?? value?.range?.[0] ?? -1;
      const end = value?.range?.[2] ?? keyNode?.range?.[2] ?? -1;
      if (offset >= start && offset <= end) {
        return fieldAt(value, offset, path ? `${path}.${key}` : key);
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const r = (item as Node | null)?.range;
      if (r && offset >= r[0] && offset <= r[2]) path = fieldAt(item, offset, `${path}[${i}]`);
    });
  }
  return path;
}

export function parseYamlFile(file: string, text: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const { line, col } = lines.linePos(err.pos[0]);
    const field = fieldAt(doc.contents, err.pos[0], '');
    // The library's message without its quoted excerpt of the file.
    const words = err.message.split(/ at line \d+|:\n/)[0]!.trim();
    return {
      ok: false,
      error: `${file}:${line}:${col}: ${words}${field ? ` (in ${field})` : ''}`,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb ("billion laughs") or a cycle: refused whole.
    return { ok: false, error: `${file}: ${(e as Error).message.split('\n')[0]}` };
  }
  return {
    ok: true,
    yaml: {
      file,
      value,
      where(path) {
        const node = doc.getIn(path, true) as Node | undefined;
        const offset = node?.range?.[0];
        return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
      },
    },
  };
}
