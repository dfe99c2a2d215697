// Label matchers as people type them to filter alerts: `{severity="critical", instance=~"us-.+"}`
// in Grafana's alert list panel (alertInstanceLabelFilter) and in the Alerts page's filter box.
// The grammar is Alertmanager's, as Grafana reads it (app/features/alerting/unified/utils/
// alertmanager.ts): braces optional, comma-separated `name op value`, ops = != =~ !~, values
// quoted (with \" \\ \n escapes) or bare up to the next comma. Regexes match the whole value,
// as Prometheus anchors them; a missing label is the empty value.

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type ParsedMatchers = { matchers: Matcher[] } | { error: string };

const NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*/;

/** Splits on commas outside quotes. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\' && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A value as written: a quoted string (escapes read), or bare text (`\"` read as `"`). */
function readValue(raw: string): string | null {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const closed = v.length >= 2 && v.endsWith('"') && !(v.endsWith('\\"') && !v.endsWith('\\\\"'));
    if (!closed) return null;
    return v.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return v.replace(/\\"/g, '"');
}

/** The matchers in `text`; an empty text (or `{}`) is no matcher, which matches everything. */
export function parseMatchers(text: string): ParsedMatchers {
  let body = text.trim();
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const matchers: Matcher[] = [];
  for (const term of splitTerms(body)) {
    if (term.trim() === '') continue;
    const m = NAME.exec(term);
    if (!m) return { error: `"${term.trim()}" is not a matcher such as severity="critical"` };
    const rest = term.slice(m[0].length);
    // `foo=!bar` is a mistyped `!=`, as Grafana reads it, not the value "!bar".
    if (m[2] === '=' && rest.startsWith('!')) {
      return { error: `"${term.trim()}": did you mean ${m[1]}!=…?` };
    }
    const value = readValue(rest);
    if (value === null) return { error: `"${term.trim()}": a quote is not closed` };
    if (m[2]!.endsWith('~')) {
      try {
        new RegExp(value);
      } catch {
        return { error: `"${term.trim()}": ${JSON.stringify(value)} is not a valid regex` };
      }
    }
    matchers.push({ name: m[1]!, op: m[2] as MatchOp, value });
  }
  return { matchers };
}

/** Whether a label set satisfies every matcher. */
export function labelsMatch(
  labels: Readonly<Record<string, string>>,
  matchers: readonly Matcher[],
) {
  return matchers.every(({ name, op, value }) => {
    const have = labels[name] ?? '';
    if (op === '=') return have === value;
    if (op === '!=') return have !== value;
    const matched = new RegExp(`^(?:${value})$`).test(have);
    return op === '=~' ? matched : !matched;
  });
}
