// Handing text to the person: as a file the browser saves, or onto the clipboard.

/** Saves `text` as a file named `name` (the browser's download). */
export function downloadText(text: string, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  // Not attached to the page: the app's link handler (main.tsx) must not see the click.
  a.click();
  // The browser reads the blob after the click returns; give it time before letting go.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/**
 * Copies `text`; false when the browser refuses. The Clipboard API needs a secure context
 * (https or localhost); elsewhere a selected, off-screen textarea and the copy command do.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    // Inside an open modal dialog, so focus may move to it.
    (document.querySelector('dialog[open]') ?? document.body).append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
