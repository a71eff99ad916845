import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeLog, logQuery, logLines } from '../../main/resources/assets/ui/js/log-view.js';

test('without the headers each read replaces the whole text', () => {
  let state = mergeLog(undefined, 'a\nb\n', null, null);
  assert.equal(logQuery(state), '');
  state = mergeLog(state, 'a\nb\nc\n', null, null);
  assert.equal(state.text, 'a\nb\nc\n');
});

test('with X-Next-Line reads only what is new and appends it', () => {
  let state = mergeLog(undefined, 'a\nb\n', '2', 'false');
  assert.equal(logQuery(state), '?from=2');
  state = mergeLog(state, 'c\n', '3', 'true');
  assert.deepEqual(state, { text: 'a\nb\nc\n', next: 3, complete: true });
  state = mergeLog(state, '', '3', 'true');
  assert.equal(state.text, 'a\nb\nc\n');
});

test('logLines numbers lines and marks search matches', () => {
  assert.deepEqual(logLines('Step 1\nerror: x\n', 'ERROR').map((l) => [l.number, l.match]), [[1, false], [2, true]]);
  assert.deepEqual(logLines(''), []);
});
