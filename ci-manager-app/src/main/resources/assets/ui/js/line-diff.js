// Which lines of `after` differ from `before`: the span between their common head and common tail.
// Enough to highlight a preview whose edits touch one region; pure, so it is unit-tested.
export function changedLines(before, after) {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head
    && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start: head, end: b.length - tail };
}
