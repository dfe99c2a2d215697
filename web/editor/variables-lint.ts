// The PromQL parser does not know Grafana's variables ($__rate_interval, ${job}, [[x]]), which
// Promscope fills in before a query is sent. Diagnostics that touch one are dropped; every
// other parse error still shows.
import type { LintStrategy } from '@prometheus-io/codemirror-promql';
// Not re-exported from the package root; the package has no exports map, so this path is public.
import { newLintStrategy } from '@prometheus-io/codemirror-promql/dist/esm/lint/index.js';

const VARIABLE = /\$\w+|\$\{[^}]*\}|\[\[\w+(?::\w+)?\]\]/g;

/** [from, to) offsets of every variable reference in the text. */
export function variableSpans(text: string): [number, number][] {
  return [...text.matchAll(VARIABLE)].map((m) => [m.index, m.index + m[0].length]);
}

export function lintIgnoringVariables(): LintStrategy {
  const inner = newLintStrategy();
  return {
    promQL() {
      const lint = inner.promQL.call(inner);
      return async (view) => {
        const spans = variableSpans(view.state.doc.toString());
        const found = await lint(view);
        if (spans.length === 0) return found;
        // A span that ends where a variable starts still belongs to it (`[5m` before `$x`).
        return found.filter((d) => !spans.some(([a, b]) => d.from <= b && d.to >= a));
      };
    },
  };
}
