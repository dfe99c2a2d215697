// Typing over a selection is applied by CodeMirror itself instead of by the browser.
//
// Why: when a typed character replaces selected text, Chrome's native contenteditable editing
// keeps the deleted text's look by wrapping the new character in <span style="color: …">
// (the "overrides" of the editing spec: https://w3c.github.io/editing/docs/execCommand/#overrides).
// Under our CSP (style-src without 'unsafe-inline') each such style attribute is refused and
// logged as a violation. CodeMirror redraws the line from its own state anyway, so nothing
// breaks, but select-all-and-type is common enough that the console would fill with errors.
// Handling the key as a transaction means the browser never edits the DOM. Keys without a
// selection, IME composition and anything with a modifier still take the normal input path.
// Handlers: https://codemirror.net/docs/ref/#view.EditorView^domEventHandlers
import { insertBracket } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** A key that types exactly one character, outside any composition. */
function typedChar(event: KeyboardEvent): string | null {
  if (event.isComposing || event.keyCode === 229) return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return [...event.key].length === 1 ? event.key : null;
}

export function typeOverSelection(): Extension {
  return EditorView.domEventHandlers({
    keydown(event, view) {
      const ch = typedChar(event);
      const { state } = view;
      if (ch === null || state.readOnly || state.selection.ranges.every((r) => r.empty)) {
        return false;
      }
      // closeBrackets wraps a selection in brackets or quotes; keep that behaviour.
      const tr =
        insertBracket(state, ch) ??
        state.update(state.replaceSelection(ch), { scrollIntoView: true, userEvent: 'input.type' });
      view.dispatch(tr);
      event.preventDefault();
      return true;
    },
  });
}
