// What a text panel shows (pure): Grafana's `options.mode` (markdown, html, code) and
// `options.content`, or the old panel's `mode` and `content` at its top level, and markdown
// turned into HTML with marked. The HTML is not safe yet: it must go through sanitise.ts.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/text/

import { Marked } from 'marked';
import { asRecord } from '../../../../contract/json.ts';

export type TextMode = 'markdown' | 'html' | 'code';

export interface TextContent {
  mode: TextMode;
  content: string;
  /** Code mode's language, shown as a class for styling only. */
  language?: string;
}

type Json = Record<string, unknown>;

/** Grafana 6's modes: "text" was plain text, which markdown shows the same. */
function modeOf(v: unknown): TextMode {
  return v === 'html' || v === 'code' ? v : 'markdown';
}

export function textContent(panel: Json): TextContent {
  const o = asRecord(panel.options);
  const mode = modeOf(o.mode ?? panel.mode);
  const raw = o.content ?? panel.content;
  const content = typeof raw === 'string' ? raw : '';
  const language = asRecord(o.code).language;
  return {
    mode,
    content,
    ...(mode === 'code' && typeof language === 'string' ? { language } : {}),
  };
}

// GitHub-flavoured, no soft line breaks: what Grafana's text panel renders.
const marked = new Marked({ gfm: true, breaks: false });

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
