import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toIdentifier, isIdentifier, scopePrefix, referenceIn, nameWithId } from '../../main/resources/assets/ui/js/identifiers.js';

test('toIdentifier turns a name into a valid identifier', () => {
  assert.equal(toIdentifier('My registry 2'), 'my_registry_2');
  assert.equal(toIdentifier('  Cosign: private key! '), 'cosign_private_key');
  assert.equal(toIdentifier('2nd app'), '_2nd_app');
  assert.equal(toIdentifier('Ünïcode'), 'n_code');
  assert.ok(isIdentifier(toIdentifier('x'.repeat(300))));
});

test('scopePrefix and referenceIn follow the API', () => {
  assert.equal(scopePrefix({ level: 'account' }), '');
  assert.equal(scopePrefix({ level: 'org', org: 'default' }), '/orgs/default');
  assert.equal(scopePrefix({ level: 'project', org: 'd', project: 'a b' }), '/orgs/d/projects/a%20b');
  assert.equal(referenceIn('account', 'k'), 'account.k');
  assert.equal(referenceIn('org', 'k'), 'org.k');
  assert.equal(referenceIn('project', 'k'), 'k');
});

test('nameWithId shows the identifier only when it differs', () => {
  assert.deepEqual(nameWithId('Build app', 'build_app'), { primary: 'Build app', secondary: 'build_app' });
  assert.deepEqual(nameWithId('x', 'x'), { primary: 'x', secondary: null });
  assert.deepEqual(nameWithId(null, 'x'), { primary: 'x', secondary: null });
});
