// The import dialog's pure parts: reading pasted or picked text as a dashboard, and naming
// each issue the server reports by its panel.
import type { ImportIssue } from '../api/server.ts';

export type ParsedDashboard =
  | { ok: true; dashboard: Record<string, unknown> }
  | { ok: false; error: string };

/** The text as a dashboard object, or why not; nothing is sent unless `ok`. */
export function parseDashboardText(text: string): ParsedDashboard {
  if (!text.trim()) return { ok: false, error: 'Paste dashboard JSON or choose a .json file.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    return { ok: false, error: `Not a dashboard: the JSON is ${kind}, not an object.` };
  }
  return { ok: true, dashboard: value as Record<string, unknown> };
}

/** "Pool latency" / "Panel 7" / the JSON path when the issue is not about one panel. */
export function issuePanel(issue: ImportIssue): string {
  if (issue.panelTitle) return issue.panelTitle;
  if (issue.panelId !== undefined) return `Panel ${issue.panelId}`;
  return issue.path;
}

/** Only a same-origin path is linked: the answer's url is data, never a script URL. */
export function safeLocalUrl(url: unknown): string | undefined {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : undefined;
}
