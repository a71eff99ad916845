// Run with: node --test ci-manager-app/src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDuration, durationBetween, shortDigest, escapeHtml, highlightJson, filenameFromDisposition,
} from '../../main/resources/assets/ui/js/format.js';

test('formatDuration_eachMagnitude', () => {
  assert.equal(formatDuration(850), '850ms');
  assert.equal(formatDuration(3_000), '3s');
  assert.equal(formatDuration(72_000), '1m 12s');
  assert.equal(formatDuration(2 * 3600_000 + 3 * 60_000), '2h 03m');
  assert.equal(formatDuration(null), '—');
  assert.equal(formatDuration(-5), '—');
});

test('durationBetween_openEndUsesNow', () => {
  assert.equal(durationBetween('2026-11-26T04:40:00Z', '2026-11-26T04:41:12Z'), 72_000);
  assert.equal(durationBetween('2026-11-26T04:40:00Z', null, Date.parse('2026-11-26T04:40:05Z')), 5_000);
  assert.equal(durationBetween(null, null), null);
});

test('shortDigest_keepsAlgorithm', () => {
  assert.equal(shortDigest('sha256:a3f1c2e4b5d6978812233445'), 'sha256:a3f1c2e4b5d6…');
});

test('highlightJson_escapesEveryToken', () => {
  const html = highlightJson({ '<k>': '<script>&', n: -1.5e3, ok: true, none: null });
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('<span class="j-key">&quot;&lt;k&gt;&quot;</span>:'));
  assert.ok(html.includes('<span class="j-str">&quot;&lt;script&gt;&amp;&quot;</span>'));
  assert.ok(html.includes('<span class="j-num">-1500</span>'));
  assert.ok(html.includes('<span class="j-lit">true</span>'));
  assert.ok(html.includes('<span class="j-lit">null</span>'));
  assert.equal(escapeHtml(`"'`), '&quot;&#39;');
});

test('highlightJson_numbersInsideStringsStayStrings', () => {
  assert.equal(highlightJson('sha256-123'), '<span class="j-str">&quot;sha256-123&quot;</span>');
});

test('filenameFromDisposition_contractHeader', () => {
  assert.equal(filenameFromDisposition('attachment; filename="slsa_provenance_build_BuildAndPush.json"'),
    'slsa_provenance_build_BuildAndPush.json');
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''a%20b.json"), 'a b.json');
  assert.equal(filenameFromDisposition('attachment; filename=plain.json'), 'plain.json');
  assert.equal(filenameFromDisposition(null), null);
});
