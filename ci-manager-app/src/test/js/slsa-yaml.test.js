// Run with: node --test ci-manager-app/src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  listStages, setSlsaProvenance, validateSlsaSettings, formatScalar, parseScalar, YamlEditError,
} from '../../main/resources/assets/ui/js/slsa-yaml.js';
import { changedLines } from '../../main/resources/assets/ui/js/line-diff.js';

// The contract's examples/pipeline-slsa.yaml, verbatim.
const CONTRACT = `pipeline:
  identifier: build_app
  name: Build app
  orgIdentifier: default
  projectIdentifier: demo
  properties:
    ci:
      codebase:
        connectorRef: app_repo          # a Git connector
        build:
          type: branch
          spec:
            branch: main
  stages:
    - stage:
        identifier: build
        name: Build
        type: CI
        spec:
          cloneCodebase: true
          slsa_provenance:
            enabled: true
            attestation:
              type: cosign
              spec:
                private_key: account.cosign_private_key   # file secret
                password: account.cosign_password         # text secret
          execution:
            steps:
              - step:
                  identifier: BuildAndPush
                  name: Build and Push
                  type: BuildAndPushDockerRegistry
                  spec:
                    connectorRef: account.local_registry   # DockerRegistry connector
                    repo: demo/app
                    tags:
                      - "1.0"
                      - <+pipeline.sequenceId>
                    dockerfile: Dockerfile
                    context: .
                    buildArgs:
                      VERSION: "1.0"
                    labels:
                      org.opencontainers.image.title: app
`;

// The same pipeline before anyone switched provenance on (comments stripped from the block).
const WITHOUT_SLSA = CONTRACT.replace(/ {10}slsa_provenance:\n(?: {12}.*\n)+/, '');

const CONTRACT_BLOCK = `          slsa_provenance:
            enabled: true
            attestation:
              type: cosign
              spec:
                private_key: account.cosign_private_key
                password: account.cosign_password
`;

const ON = { enabled: true, privateKey: 'account.cosign_private_key', password: 'account.cosign_password' };

test('listStages_contractExample', () => {
  assert.deepEqual(listStages(CONTRACT), [{
    identifier: 'build',
    name: 'Build',
    type: 'CI',
    slsa: {
      enabled: true,
      attestationType: 'cosign',
      privateKey: 'account.cosign_private_key',
      password: 'account.cosign_password',
    },
  }]);
});

test('listStages_noSlsaBlock', () => {
  assert.equal(listStages(WITHOUT_SLSA)[0].slsa, null);
});

test('setSlsaProvenance_insertsBlockBeforeExecution', () => {
  const edited = setSlsaProvenance(WITHOUT_SLSA, 'build', ON);
  assert.equal(edited, WITHOUT_SLSA.replace('          execution:\n', CONTRACT_BLOCK + '          execution:\n'));
  assert.deepEqual(listStages(edited)[0].slsa, { ...ON, attestationType: 'cosign' });
});

test('setSlsaProvenance_replacesExistingBlockOnly', () => {
  const edited = setSlsaProvenance(CONTRACT, 'build', { enabled: true, privateKey: 'org.key', password: 'pw' });
  const expected = CONTRACT
    .replace('private_key: account.cosign_private_key   # file secret', 'private_key: org.key')
    .replace('password: account.cosign_password         # text secret', 'password: pw');
  assert.equal(edited, expected);
});

test('setSlsaProvenance_sameSettingsTwice_isIdempotent', () => {
  const once = setSlsaProvenance(WITHOUT_SLSA, 'build', ON);
  assert.equal(setSlsaProvenance(once, 'build', ON), once);
});

test('setSlsaProvenance_disabledWithoutSecrets_writesOnlyEnabledFalse', () => {
  const edited = setSlsaProvenance(CONTRACT, 'build', { enabled: false, privateKey: '', password: '' });
  assert.match(edited, / {10}slsa_provenance:\n {12}enabled: false\n {10}execution:/);
  assert.equal(listStages(edited)[0].slsa.enabled, false);
});

test('setSlsaProvenance_disabledWithSecrets_keepsThemForLater', () => {
  const edited = setSlsaProvenance(CONTRACT, 'build', { ...ON, enabled: false });
  assert.deepEqual(listStages(edited)[0].slsa, { ...ON, enabled: false, attestationType: 'cosign' });
});

const TWO_STAGES = `pipeline:
    identifier: two
    stages:
        -   stage:
                identifier: first
                type: CI
                spec:
                    execution:
                        steps:
                            -   step:
                                    identifier: run
                                    type: Run
                                    spec:
                                        command: |
                                            echo "- stage:"
                                            echo "slsa_provenance:"

                                            echo done
        # the second build
        - stage:
            identifier: second
            type: CI
            spec:
              cloneCodebase: false
        - stage:
            identifier: approve
            type: Approval
`;

test('listStages_fourSpaceIndentAndBlockScalar_findsOnlyRealStages', () => {
  assert.deepEqual(listStages(TWO_STAGES).map((s) => [s.identifier, s.type]),
    [['first', 'CI'], ['second', 'CI'], ['approve', 'Approval']]);
});

test('setSlsaProvenance_fourSpaceIndent_usesTheFilesIndentation', () => {
  const edited = setSlsaProvenance(TWO_STAGES, 'first', ON);
  assert.ok(edited.includes(`                spec:
                    slsa_provenance:
                        enabled: true
                        attestation:
                            type: cosign
                            spec:
                                private_key: account.cosign_private_key
                                password: account.cosign_password
                    execution:
`), edited);
  assert.equal(listStages(edited)[1].slsa, null);
});

test('setSlsaProvenance_noExecution_appendsAtEndOfSpecBeforeComments', () => {
  const edited = setSlsaProvenance(TWO_STAGES, 'second', ON);
  assert.ok(edited.includes(`              cloneCodebase: false
              slsa_provenance:
                enabled: true
`), edited);
  assert.ok(edited.includes('                password: account.cosign_password\n        - stage:\n            identifier: approve'));
  assert.deepEqual(listStages(edited).map((s) => s.slsa && s.slsa.enabled), [null, true, null]);
});

test('setSlsaProvenance_stageWithoutSpec_addsSpec', () => {
  const edited = setSlsaProvenance(TWO_STAGES, 'approve', ON);
  assert.ok(edited.endsWith(`            type: Approval
            spec:
              slsa_provenance:
                enabled: true
                attestation:
                  type: cosign
                  spec:
                    private_key: account.cosign_private_key
                    password: account.cosign_password
`), edited);
});

test('setSlsaProvenance_blockScalarStillIntact', () => {
  const edited = setSlsaProvenance(TWO_STAGES, 'first', ON);
  assert.ok(edited.includes('echo "slsa_provenance:"\n\n                                            echo done\n'));
});

test('setSlsaProvenance_crlf_keepsLineEndings', () => {
  const crlf = WITHOUT_SLSA.replace(/\n/g, '\r\n');
  const edited = setSlsaProvenance(crlf, 'build', ON);
  assert.equal(edited, setSlsaProvenance(WITHOUT_SLSA, 'build', ON).replace(/\n/g, '\r\n'));
});

test('setSlsaProvenance_unknownStage_throws', () => {
  assert.throws(() => setSlsaProvenance(CONTRACT, 'deploy', ON),
    { name: 'YamlEditError', message: 'Tried to edit stage "deploy" but the YAML has no stage with that identifier' });
});

test('setSlsaProvenance_inlineSpec_throws', () => {
  const inline = 'pipeline:\n  stages:\n    - stage:\n        identifier: b\n        type: CI\n        spec: {cloneCodebase: true}\n';
  assert.throws(() => setSlsaProvenance(inline, 'b', ON), YamlEditError);
});

test('setSlsaProvenance_emptyFlowSpec_becomesBlock', () => {
  const yaml = 'pipeline:\n  stages:\n    - stage:\n        identifier: b\n        spec: {}   # empty\n        type: CI\n';
  assert.equal(setSlsaProvenance(yaml, 'b', { enabled: false, privateKey: '', password: '' }),
    'pipeline:\n  stages:\n    - stage:\n        identifier: b\n        spec:\n          slsa_provenance:\n            enabled: false\n        type: CI\n');
});

test('setSlsaProvenance_quotedIdentifierAndReferences', () => {
  const yaml = "pipeline:\n  stages:\n    - stage:\n        identifier: 'build'   # quoted\n        type: \"CI\"\n        spec:\n          execution: {}\n";
  const edited = setSlsaProvenance(yaml, 'build', { enabled: true, privateKey: 'key with: colon', password: 'true' });
  assert.ok(edited.includes('private_key: "key with: colon"\n'));
  assert.ok(edited.includes('password: "true"\n'));
  assert.deepEqual(listStages(edited)[0].slsa,
    { enabled: true, attestationType: 'cosign', privateKey: 'key with: colon', password: 'true' });
});

test('validateSlsaSettings_enabledWithoutSecrets_namesBothFields', () => {
  assert.deepEqual(validateSlsaSettings({ enabled: true, privateKey: '', password: null }),
    { privateKey: 'Private key is required', password: 'Password is required' });
  assert.deepEqual(validateSlsaSettings({ enabled: false, privateKey: '', password: '' }), {});
  assert.deepEqual(validateSlsaSettings(ON), {});
});

test('formatScalar_plainOnlyWhenUnambiguous', () => {
  assert.equal(formatScalar('account.cosign_private_key'), 'account.cosign_private_key');
  assert.equal(formatScalar('org.x'), 'org.x');
  assert.equal(formatScalar('yes'), '"yes"');
  assert.equal(formatScalar('123'), '"123"');
  assert.equal(formatScalar(''), '""');
});

test('parseScalar_quotesAndComments', () => {
  assert.equal(parseScalar('  "a\\"b" # c'), 'a"b');
  assert.equal(parseScalar("'it''s'"), "it's");
  assert.equal(parseScalar('plain value   # comment'), 'plain value');
  assert.equal(parseScalar('a#b'), 'a#b');
});

test('changedLines_marksOnlyTheEditedRegion', () => {
  const before = 'a\nb\nc\nd\n';
  const after = 'a\nb\nx\ny\nc\nd\n';
  assert.deepEqual(changedLines(before, after), { start: 2, end: 4 });
  const same = changedLines(before, before);
  assert.equal(same.end - same.start, 0);
});

test('setSlsaProvenance_compactSequenceAndBlockAfterExecution_replacedInPlace', () => {
  const yaml = `pipeline:
  stages:
  - stage:
      type: CI
      spec:
        execution:
          steps: []
        slsa_provenance:
          # switched off while the key rotates
          enabled: false
        # kept: it introduces the next key
        sharedPaths: []
      identifier: late_id
`;
  const edited = setSlsaProvenance(yaml, 'late_id', ON);
  assert.equal(edited, `pipeline:
  stages:
  - stage:
      type: CI
      spec:
        execution:
          steps: []
        slsa_provenance:
          enabled: true
          attestation:
            type: cosign
            spec:
              private_key: account.cosign_private_key
              password: account.cosign_password
        # kept: it introduces the next key
        sharedPaths: []
      identifier: late_id
`);
});

test('listStages_parallelGroup_findsNestedStages', () => {
  const yaml = `pipeline:
  stages:
    - parallel:
        - stage:
            identifier: a
            type: CI
            spec: {}
        - stage:
            identifier: b
            type: CI
            spec:
              slsa_provenance:
                enabled: true
`;
  assert.deepEqual(listStages(yaml).map((s) => [s.identifier, s.slsa && s.slsa.enabled]), [['a', null], ['b', true]]);
});
