import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronTemplate, webhookTemplate, withEnabled } from '../../main/resources/assets/ui/js/trigger-yaml.js';

const where = { identifier: 'nightly', org: 'default', project: 'demo', pipeline: 'build_app' };

test('templates name the trigger, its pipeline and the source', () => {
  const cron = cronTemplate({ ...where, timezone: 'Europe/Berlin' });
  assert.match(cron, /^ {2}pipelineIdentifier: build_app$/m);
  assert.match(cron, /expression: "0 3 \* \* \*"/);
  assert.match(cron, /timezone: Europe\/Berlin/);
  const hook = webhookTemplate({ ...where, provider: 'Gitlab', event: 'Tag', secret: 'account.hook' });
  assert.match(hook, /type: Gitlab\n/);
  assert.match(hook, /type: Tag\n/);
  assert.match(hook, /secret: account.hook/);
});

test('withEnabled rewrites the trigger-level line only, keeping a comment', () => {
  const yaml = 'trigger:\n  identifier: t\n  enabled: true   # on\n  source:\n    spec:\n      enabled: true\n';
  assert.equal(withEnabled(yaml, false), 'trigger:\n  identifier: t\n  enabled: false   # on\n  source:\n    spec:\n      enabled: true\n');
});

test('withEnabled adds the line when the YAML has none', () => {
  assert.equal(withEnabled('trigger:\n  identifier: t\n  name: T\n', false), 'trigger:\n  identifier: t\n  enabled: false\n  name: T\n');
});
