import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineYaml, parseTags, validatePipelineForm } from '../../main/resources/assets/ui/js/pipeline-form.js';
import { listStages } from '../../main/resources/assets/ui/js/slsa-yaml.js';

const model = {
  name: 'Build app', identifier: 'build_app', org: 'default', project: 'demo', gitConnector: 'app_repo', branch: 'main',
  stageName: 'Build', registryConnector: 'account.local_registry', repo: 'demo/app', tags: '1.0, <+pipeline.sequenceId>',
  dockerfile: 'Dockerfile', context: '.', slsa: { enabled: true, privateKey: 'account.cosign_private_key', password: 'account.cosign_password' },
};

test('pipelineYaml writes the contract example shape', () => {
  const yaml = pipelineYaml(model);
  assert.match(yaml, /^pipeline:\n  identifier: build_app\n  name: "Build app"\n/);
  assert.match(yaml, /\n {8}connectorRef: app_repo\n {8}build:\n {10}type: branch\n {10}spec:\n {12}branch: main\n/);
  assert.match(yaml, /\n {10}slsa_provenance:\n {12}enabled: true\n {12}attestation:\n {14}type: cosign\n {14}spec:\n {16}private_key: account.cosign_private_key\n {16}password: account.cosign_password\n/);
  assert.match(yaml, /\n {20}tags:\n {22}- "1.0"\n {22}- "<\+pipeline.sequenceId>"\n/);
  const [stage] = listStages(yaml);
  assert.equal(stage.identifier, 'build');
  assert.equal(stage.type, 'CI');
  assert.equal(stage.slsa.privateKey, 'account.cosign_private_key');
});

test('without codebase or SLSA, those blocks are left out', () => {
  const yaml = pipelineYaml({ ...model, gitConnector: '', slsa: { enabled: false } });
  assert.doesNotMatch(yaml, /codebase|slsa_provenance/);
  assert.match(yaml, /cloneCodebase: false/);
});

test('parseTags and validation', () => {
  assert.deepEqual(parseTags('a, b\nc,,'), ['a', 'b', 'c']);
  assert.deepEqual(validatePipelineForm(model), {});
  const errors = validatePipelineForm({ ...model, identifier: '1x', repo: ' ', tags: '', slsa: { enabled: true } });
  assert.deepEqual(Object.keys(errors).sort(), ['identifier', 'password', 'privateKey', 'repo', 'tags']);
});
