// A panel with the dashboard's variables filled in (pure), each field in the format Grafana
// gives it: queries get PromQL-escaped values; the title its shown text (`All`, `a + b`, as
// Grafana's panel title); legends, intervals and the description the values (glob, as
// templateSrv.replace); a text panel's content HTML-escaped values (JSON in JSON code mode),
// as Grafana's TextPanel. Built-ins ($__interval…) are left for the query planner, which
// knows the panel's width. The dashboard's own JSON is never changed:
// this is the copy that is drawn.
import type { Panel, Target } from '../model/model.ts';
import type { Context, Scope } from './format.ts';
import { interpolateVariables } from './format.ts';

function text(v: unknown, scope: Scope, context: Context = 'value'): unknown {
  return typeof v === 'string' ? interpolateVariables(v, scope, context) : v;
}

function datasource<T>(ref: T, scope: Scope): T {
  if (typeof ref === 'string') return interpolateVariables(ref, scope, 'value') as T;
  if (
    typeof ref === 'object' &&
    ref !== null &&
    typeof (ref as { uid?: unknown }).uid === 'string'
  ) {
    const uid = (ref as unknown as { uid: string }).uid;
    return { ...ref, uid: interpolateVariables(uid, scope, 'value') };
  }
  return ref;
}

function target(t: Target, scope: Scope): Target {
  return {
    ...t,
    expr: interpolateVariables(t.expr, scope, 'promql'),
    ...(t.legendFormat !== undefined
      ? { legendFormat: text(t.legendFormat, scope) as string }
      : {}),
    ...(t.interval !== undefined ? { interval: text(t.interval, scope) as string } : {}),
    ...(t.datasource !== undefined ? { datasource: datasource(t.datasource, scope) } : {}),
  };
}

export function interpolatePanel(panel: Panel, scope: Scope): Panel {
  if (scope.size === 0) return panel;
  const options = panel.options as Record<string, unknown>;
  const code = options.code as { language?: unknown } | undefined;
  const contentFormat = options.mode === 'code' && code?.language === 'json' ? 'json' : 'html';
  return {
    ...panel,
    title: text(panel.title, scope, 'text') as string,
    ...(panel.description !== undefined
      ? { description: text(panel.description, scope) as string }
      : {}),
    ...(panel.interval !== undefined ? { interval: text(panel.interval, scope) as string } : {}),
    ...(typeof panel.timeFrom === 'string' ? { timeFrom: text(panel.timeFrom, scope) } : {}),
    ...(typeof panel.timeShift === 'string' ? { timeShift: text(panel.timeShift, scope) } : {}),
    ...(panel.datasource !== undefined ? { datasource: datasource(panel.datasource, scope) } : {}),
    targets: panel.targets.map((t) => target(t, scope)),
    // The text panel's content.
    ...(typeof options.content === 'string'
      ? {
          options: {
            ...options,
            content: text(options.content, scope, contentFormat),
          } as Panel['options'],
        }
      : {}),
  };
}
