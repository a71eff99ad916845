// Run with: node --test ci-manager-app/src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  readVerificationStep, setVerificationStep, validateVerification, NO_VERIFICATION,
} from '../../main/resources/assets/ui/js/verification-yaml.js';
import { YamlEditError } from '../../main/resources/assets/ui/js/slsa-yaml.js';

// The contract's examples/pipeline-verify.yaml (copied unchanged into examples/), without its one comment.
const CONTRACT = readFileSync(new URL('../../../../examples/pipeline-verify.yaml', import.meta.url), 'utf8')
  .replace(/ +# file secret: cosign.pub/, '');
const VERIFY_STEP = /\n {14}- step:\n {18}identifier: VerifyProvenance\n(?: {18,}.*\n)+/;
const CONTRACT_VALUES = {
  enabled: true,
  connector: 'account.local_registry',
  imagePath: 'demo/app',
  reference: '<+pipeline.sequenceId>',
  publicKey: 'account.cosign_public_key',
  policySets: ['account.release_policy'],
};

test('readVerificationStep_contractExample_readsEveryField', () => {
  assert.deepEqual(readVerificationStep(CONTRACT, 'verify'),
    { ...CONTRACT_VALUES, identifier: 'VerifyProvenance', name: 'Verify SLSA Provenance' });
  assert.deepEqual(readVerificationStep(CONTRACT, 'build'), { ...NO_VERIFICATION });
});

test('setVerificationStep_intoTheContractStageWithoutIt_writesTheContractShape', () => {
  const withoutStep = CONTRACT.replace(VERIFY_STEP, '\n              - step:\n                  identifier: Echo\n'
    + '                  name: Echo\n                  type: Run\n');
  const written = setVerificationStep(withoutStep, 'verify', CONTRACT_VALUES);
  // the new item follows the existing one, line for line the contract's
  assert.ok(written.includes('type: Run\n' + CONTRACT.match(VERIFY_STEP)[0].slice(1)), written);
});

test('setVerificationStep_existingStep_rewrittenInPlaceKeepingItsNames_otherLinesUntouched', () => {
  const written = setVerificationStep(CONTRACT, 'verify', {
    ...CONTRACT_VALUES, reference: `sha256:${'a'.repeat(64)}`, policySets: [],
  });
  assert.match(written, /identifier: VerifyProvenance\n {18}name: Verify SLSA Provenance\n/);
  assert.match(written, / {24}digest: sha256:a{64}\n/);
  assert.doesNotMatch(written, /tag: |enforce:|policySets:/);
  const before = (yaml) => yaml.slice(0, yaml.indexOf('identifier: VerifyProvenance'));
  assert.equal(before(written), before(CONTRACT));
});

test('setVerificationStep_disabled_removesTheStepOnly', () => {
  const written = setVerificationStep(CONTRACT, 'verify', { ...NO_VERIFICATION });
  assert.doesNotMatch(written, /SlsaVerification/);
  assert.match(written, /identifier: verify\n/);
  assert.deepEqual(readVerificationStep(written, 'verify'), { ...NO_VERIFICATION });
});

test('setVerificationStep_addedNextToBuildAndPush_identifierDoesNotCollide', () => {
  const yaml = setVerificationStep(CONTRACT.replace(VERIFY_STEP, '\n'), 'build', CONTRACT_VALUES);
  const read = readVerificationStep(yaml, 'build');
  assert.equal(read.identifier, 'VerifyProvenance');
  assert.equal(read.publicKey, 'account.cosign_public_key');
  assert.match(yaml, /type: BuildAndPushDockerRegistry[\s\S]*type: SlsaVerification[\s\S]*- stage:/);
});

test('setVerificationStep_missingStageOrSteps_throwsNamingTheStage', () => {
  assert.throws(() => setVerificationStep(CONTRACT, 'nope', CONTRACT_VALUES), YamlEditError);
  const inline = 'pipeline:\n  stages:\n    - stage:\n        identifier: s\n        type: CI\n        spec:\n          execution:\n            steps: []\n';
  assert.throws(() => setVerificationStep(inline, 's', CONTRACT_VALUES), /stage "s"/);
});

test('validateVerification_requiredFieldsAndDigestShape', () => {
  assert.deepEqual(validateVerification({ ...NO_VERIFICATION }), {});
  assert.deepEqual(Object.keys(validateVerification({ ...NO_VERIFICATION, enabled: true })).sort(),
    ['connector', 'imagePath', 'publicKey', 'reference']);
  assert.match(validateVerification({ ...CONTRACT_VALUES, reference: 'sha256:abc' }).reference, /64 lowercase hex/);
  assert.deepEqual(validateVerification(CONTRACT_VALUES), {});
});
