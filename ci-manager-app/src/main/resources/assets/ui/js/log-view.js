// Pure: incremental step logs. The server may answer `?from=N` with only lines N.. and the headers
// X-Next-Line / X-Log-Complete; a server without them answers the whole log, which replaces ours.

/** The next state of a step's log after one read. */
export function mergeLog(previous, text, nextLineHeader, completeHeader) {
  if (nextLineHeader === null || nextLineHeader === undefined || nextLineHeader === '') {
    return { text, next: null, complete: null };
  }
  const next = Number.parseInt(nextLineHeader, 10);
  const base = previous?.next !== null && previous?.next !== undefined ? previous.text : '';
  const joined = base && text ? (base.endsWith('\n') ? base + text : `${base}\n${text}`) : base + text;
  return { text: joined, next: Number.isFinite(next) ? next : null, complete: completeHeader === 'true' };
}

/** The query of the next read: from the next line once the server has told us where it is. */
export function logQuery(state) {
  return state?.next !== null && state?.next !== undefined ? `?from=${state.next}` : '';
}

/** Lines with their 1-based numbers, and whether each matches `search` (case-insensitive). */
export function logLines(text, search = '') {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const needle = search.trim().toLowerCase();
  return lines.map((line, i) => ({ number: i + 1, line, match: needle !== '' && line.toLowerCase().includes(needle) }));
}
