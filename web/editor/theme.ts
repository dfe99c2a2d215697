// The editor's look: the app's dark palette (web/styles.css) for the chrome, and one distinct
// colour per kind of PromQL token. CodeMirror writes these rules into <style> elements that
// carry the page's CSP nonce (see extensions.ts), so nothing here needs 'unsafe-inline'.
// Theming: https://codemirror.net/examples/styling/ ; HighlightStyle:
// https://codemirror.net/docs/ref/#language.HighlightStyle
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const BG = '#0b0c0e';
const TEXT = '#ccccdc';
const TEXT_DIM = '#8e8e9e';
const BORDER = '#2a2d33';
const ACCENT = '#f46800';
const FOCUS = '#6e9fff'; // the app's :focus-visible ring
const ERROR = '#f2495c';
const POPUP = '#181b1f';

/** Token colours, each readable on BG. */
const palette = {
  keyword: ACCENT, // sum, by, without, offset, and/or/unless
  func: '#8ab8ff', // rate, histogram_quantile, …
  metric: '#caa0ff', // metric names (identifiers)
  label: '#fade2a', // label names
  string: '#73bf69', // label values and other strings
  number: '#5ae0d0',
  duration: '#ff9fd0', // 5m, 1h30m
  operator: '#a8a8c0',
  comment: TEXT_DIM,
};

// The 13px monospace font and 1.45 line height give ~19px lines; ten of them plus padding.
const LINE_HEIGHT = 1.45;
const MAX_LINES = 10;

const editorTheme = EditorView.theme(
  {
    '&': {
      color: TEXT,
      backgroundColor: BG,
      border: `1px solid ${BORDER}`,
      borderRadius: '4px',
      fontSize: '13px',
      // Grows with the content, then scrolls (https://codemirror.net/examples/styling/#overflow-and-scrolling).
      maxHeight: `calc(${MAX_LINES * LINE_HEIGHT}em + 10px)`,
    },
    '&.cm-focused': { outline: `2px solid ${FOCUS}`, outlineOffset: '1px' },
    '.cm-scroller': {
      overflow: 'auto',
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      lineHeight: String(LINE_HEIGHT),
    },
    '.cm-content': { padding: '4px 0', caretColor: ACCENT },
    '.cm-line': { padding: '0 8px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: ACCENT },
    '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, .cm-content ::selection': {
      backgroundColor: '#2c3b57',
    },
    '.cm-placeholder': { color: TEXT_DIM },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
      backgroundColor: '#2c3036',
      outline: `1px solid ${BORDER}`,
    },
    '.cm-nonmatchingBracket': { color: ERROR },

    // Completion popup and lint tooltips live inside the editor element, so they are themed here.
    '.cm-tooltip': { backgroundColor: POPUP, color: TEXT, border: `1px solid ${BORDER}` },
    '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'ui-monospace, monospace' },
    '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#2c3b57', color: TEXT },
    '.cm-completionMatchedText': { textDecoration: 'none', color: ACCENT, fontWeight: 'bold' },
    '.cm-completionDetail': { color: TEXT_DIM, fontStyle: 'normal', marginLeft: '1em' },
    '.cm-tooltip.cm-completionInfo': {
      maxWidth: '32em',
      padding: '4px 8px',
      whiteSpace: 'pre-wrap',
    },
    '.cm-completionIcon': { color: TEXT_DIM },

    // Errors: a red wavy underline rather than the default background image.
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: `underline wavy ${ERROR}`,
      textUnderlineOffset: '3px',
    },
    '.cm-lintPoint-error:after': { borderBottomColor: ERROR },
    '.cm-diagnostic-error': { borderLeftColor: ERROR },
    '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
    '.cm-tooltip-lint': { maxWidth: '40em' },

    // Durations share the number token with plain numbers; durations.ts marks them apart. The
    // second selector wins when the highlighter's span ends up inside our mark.
    '.cm-promql-duration, .cm-promql-duration span': { color: palette.duration },
  },
  { dark: true },
);

const highlight = HighlightStyle.define(
  [
    { tag: [t.operatorKeyword, t.modifier, t.logicOperator], color: palette.keyword },
    { tag: t.function(t.variableName), color: palette.func },
    { tag: t.variableName, color: palette.metric },
    { tag: t.labelName, color: palette.label },
    { tag: t.string, color: palette.string },
    { tag: t.number, color: palette.number },
    { tag: [t.operator, t.arithmeticOperator], color: palette.operator },
    { tag: [t.paren, t.squareBracket, t.brace], color: TEXT },
    { tag: t.comment, color: palette.comment, fontStyle: 'italic' },
    { tag: t.invalid, color: ERROR },
  ],
  { themeType: 'dark' },
);

export function promqlTheme(): Extension {
  return [editorTheme, syntaxHighlighting(highlight)];
}
