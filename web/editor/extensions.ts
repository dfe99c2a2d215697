// Everything the PromQL editor is made of, and the parts that change at runtime behind
// Compartments (https://codemirror.net/examples/config/#dynamic-configuration) so the view is
// never rebuilt: completion (per datasource) and the labels (placeholder, aria-label).
import {
  acceptCompletion,
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  currentCompletions,
} from '@codemirror/autocomplete';
import {
  defaultKeymap,
  history,
  historyKeymap,
  insertNewlineAndIndent,
} from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, type Extension, Prec } from '@codemirror/state';
import { EditorView, highlightSpecialChars, keymap, placeholder } from '@codemirror/view';
import {
  type CompleteStrategy,
  newCompleteStrategy,
  PromQLExtension,
} from '@prometheus-io/codemirror-promql';
import { withLimit } from '../api/limit.ts';
import { durationHighlighter } from './durations.ts';
import { externalError } from './external-error.ts';
import { promqlTheme } from './theme.ts';
import { typeOverSelection } from './typing.ts';
import { lintIgnoringVariables } from './variables-lint.ts';

/** Marks document replacements that came from the `value` prop, so they are not echoed back. */
export const fromProps = Annotation.define<boolean>();

let nonce: string | undefined;
/**
 * The page's CSP nonce, which the server writes into <meta name="csp-nonce">; read once.
 * CodeMirror puts it on the <style> elements it creates (https://codemirror.net/docs/ref/#view.EditorView^cspNonce).
 */
function cspNonce(): string {
  nonce ??= document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return nonce;
}

/** The Prometheus API of a datasource, through our read-only proxy. */
function prometheusBase(datasourceUid: string): string {
  return `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}`;
}

const COMPLETION_LIMIT = 5_000;

/**
 * Completion of functions, metric names (with type and help from /api/v1/metadata), label names
 * and values scoped to the metric being typed, and durations: codemirror-promql's strategy
 * (https://github.com/prometheus/prometheus/tree/main/web/ui/module/codemirror-promql#autocompletion).
 * The caller owns it and calls destroy() (aborts in-flight requests) when it is replaced.
 */
export function newCompletion(datasourceUid: string): CompleteStrategy {
  return newCompleteStrategy({
    remote: {
      url: prometheusBase(datasourceUid),
      // Our proxy accepts form-encoded POST for labels and series, as Prometheus does; that
      // keeps long match[] selectors out of the URL.
      httpMethod: 'POST',
      // Names and values for completion: a few thousand is plenty, never a server's whole index.
      fetchFn: (input, init) => {
        const limited = withLimit(String(input), init, COMPLETION_LIMIT);
        return fetch(limited.url, limited.init);
      },
      lookbackInterval: 12 * 60 * 60 * 1000,
      cache: { maxAge: 5 * 60 * 1000 },
    },
  });
}

/**
 * Feeds the strategy to @codemirror/autocomplete as language data, which is where it looks for
 * sources (https://codemirror.net/docs/ref/#autocomplete.autocompletion). Registered through
 * EditorState.languageData rather than the PromQL language so it can be swapped on its own.
 */
export function completionSource(strategy: CompleteStrategy): Extension {
  // Made once: autocompletion tells sources apart by identity, and a fresh function on every
  // lookup would look like a new source each time and restart the query forever.
  const data = [{ autocomplete: strategy.promQL.bind(strategy) }];
  return EditorState.languageData.of(() => data);
}

export function labels(ariaLabel: string | undefined, text: string | undefined): Extension {
  return [
    // The content element already has role="textbox" and aria-multiline="true".
    ariaLabel ? EditorView.contentAttributes.of({ 'aria-label': ariaLabel }) : [],
    text ? placeholder(text) : [],
  ];
}

export interface EditorSetup {
  completion: Compartment;
  labels: Compartment;
  extensions: Extension;
}

interface Options {
  strategy: CompleteStrategy;
  ariaLabel?: string;
  placeholder?: string;
  onDocChange: (doc: string, external: boolean) => void;
  onRun: (view: EditorView) => void;
}

export function editorSetup(opts: Options): EditorSetup {
  const completion = new Compartment();
  const labelsCompartment = new Compartment();

  const run = (view: EditorView): boolean => {
    closeCompletion(view);
    opts.onRun(view);
    return true;
  };
  // As in the Prometheus UI: Enter runs, unless the completion popup is open, where it picks.
  // autocompletion()'s own Enter binding usually gets there first; this covers the popup's
  // short interaction delay, when acceptCompletion declines and Enter must not run.
  const enter = (view: EditorView): boolean =>
    currentCompletions(view.state).length > 0 ? acceptCompletion(view) || true : run(view);

  const extensions: Extension = [
    EditorView.cspNonce.of(cspNonce()),
    // Linting and the grammar (highlight tags) from codemirror-promql; completion is ours below.
    new PromQLExtension()
      .activateCompletion(false)
      .setLinter(lintIgnoringVariables())
      .activateLinter(true)
      .asExtension(),
    completion.of(completionSource(opts.strategy)),
    // Brings its own keymap (arrows, Enter to pick, Escape) at the highest precedence.
    autocompletion(),
    externalError(),
    labelsCompartment.of(labels(opts.ariaLabel, opts.placeholder)),
    Prec.highest(
      keymap.of([
        { key: 'Enter', run: enter },
        { key: 'Shift-Enter', run: insertNewlineAndIndent },
        { key: 'Mod-Enter', run },
      ]),
    ),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    // After the keymaps, so bindings win; see typing.ts for why.
    Prec.low(typeOverSelection()),
    history(),
    closeBrackets(),
    bracketMatching(),
    highlightSpecialChars(),
    EditorView.lineWrapping,
    promqlTheme(),
    durationHighlighter,
    EditorView.updateListener.of((u) => {
      if (!u.docChanged) return;
      const external = u.transactions.some((tr) => tr.annotation(fromProps) === true);
      opts.onDocChange(u.state.doc.toString(), external);
    }),
  ];
  return { completion, labels: labelsCompartment, extensions };
}
