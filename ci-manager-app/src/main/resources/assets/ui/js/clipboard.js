// Copy with the Clipboard API; without it (plain HTTP on a non-local host, old browsers) fall back
// to a selected textarea and execCommand. Returns whether the text reached the clipboard.
export async function copyText(text) {
  if (navigator.clipboard?.writeText && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the legacy path below
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  const previous = document.activeElement;
  document.body.append(area);
  area.select();
  let copied = false;
  try { copied = document.execCommand('copy'); } catch { copied = false; }
  area.remove();
  previous?.focus?.();
  return copied;
}

/** Selects the text of an element so the user can press Ctrl+C when copying failed. */
export function selectContents(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
