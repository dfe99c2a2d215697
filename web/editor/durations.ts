// Durations (5m, 1h30m) in their own colour. The PromQL grammar gives durations and plain
// numbers the same token (NumberDurationLiteral, tagged `number` by lezer-promql's styleTags:
// https://github.com/prometheus/prometheus/blob/main/web/ui/module/lezer-promql/src/highlight.js),
// so a highlighter cannot tell them apart; this plugin looks at the token text and adds a mark.
// Pattern after https://codemirror.net/examples/decoration/ (ViewPlugin + syntaxTree over the
// visible ranges).
import { syntaxTree } from '@codemirror/language';
import { RangeSetBuilder } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';

const NUMBER_NODES = new Set(['NumberDurationLiteral', 'NumberDurationLiteralInDurationContext']);
/** One or more <int><unit> groups, as Prometheus' duration syntax allows (1h30m, 500ms). */
const DURATION = /^(\d+(ms|[smhdwy]))+$/;
const durationMark = Decoration.mark({ class: 'cm-promql-duration' });

function durationDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const tree = syntaxTree(view.state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter: (node) => {
        if (!NUMBER_NODES.has(node.name)) return;
        if (DURATION.test(view.state.doc.sliceString(node.from, node.to))) {
          builder.add(node.from, node.to, durationMark);
        }
      },
    });
  }
  return builder.finish();
}

export const durationHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = durationDecorations(view);
    }
    update(update: ViewUpdate) {
      // The tree can grow without a document change (incremental parsing), hence the tree check.
      if (
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = durationDecorations(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
