// Formatting helpers; pure, so they are unit-tested with node.

export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.floor(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Milliseconds between two RFC 3339 instants; a missing end means "until now". */
export function durationBetween(startedAt, endedAt, now = Date.now()) {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  const end = endedAt ? Date.parse(endedAt) : now;
  return end - start;
}

export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
    + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function shortDigest(digest) {
  if (!digest) return '';
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
  return `${algorithm ? algorithm + ':' : ''}${hex.slice(0, 12)}…`;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Pretty JSON as HTML with span classes for keys, strings, numbers and literals. */
export function highlightJson(value) {
  const json = JSON.stringify(value, null, 2) ?? 'null';
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let html = '';
  let last = 0;
  for (const match of json.matchAll(token)) {
    html += escapeHtml(json.slice(last, match.index));
    const [text, string, colon, literal, number] = match;
    if (string !== undefined) {
      html += `<span class="${colon ? 'j-key' : 'j-str'}">${escapeHtml(string)}</span>${colon ? escapeHtml(colon) : ''}`;
    } else if (literal !== undefined) {
      html += `<span class="j-lit">${literal}</span>`;
    } else {
      html += `<span class="j-num">${number}</span>`;
    }
    last = match.index + text.length;
  }
  return html + escapeHtml(json.slice(last));
}

/** The `filename` of a Content-Disposition header, or null. */
export function filenameFromDisposition(header) {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch { /* fall through to filename= */ }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  if (!plain) return null;
  return (plain[1] ?? plain[2]).trim();
}
