// Pure: the YAML the new-pipeline form writes: a codebase (optional) and one Build stage with one
// Build and Push step, with or without SLSA provenance, in the contract's shape.
import { formatScalar, slsaBlock } from './slsa-yaml.js';
import { toIdentifier } from './identifiers.js';

/** Tags typed as "1.0, latest" or one per line; empty entries dropped. */
export function parseTags(text) {
  return String(text).split(/[,\n]/).map((t) => t.trim()).filter(Boolean);
}

/**
 * @param m {name, identifier, org, project, gitConnector, branch, stageName, registryConnector, repo, tags,
 *          dockerfile, context, slsa: {enabled, privateKey, password}}
 */
export function pipelineYaml(m) {
  const q = formatScalar;
  const stageId = toIdentifier(m.stageName || 'Build') || 'build';
  const lines = [
    'pipeline:',
    `  identifier: ${q(m.identifier)}`,
    `  name: ${q(m.name)}`,
    `  orgIdentifier: ${q(m.org)}`,
    `  projectIdentifier: ${q(m.project)}`,
  ];
  if (m.gitConnector) {
    lines.push(
      '  properties:',
      '    ci:',
      '      codebase:',
      `        connectorRef: ${q(m.gitConnector)}`,
      '        build:',
      '          type: branch',
      '          spec:',
      `            branch: ${q(m.branch || 'main')}`);
  }
  lines.push(
    '  stages:',
    '    - stage:',
    `        identifier: ${q(stageId)}`,
    `        name: ${q(m.stageName || 'Build')}`,
    '        type: CI',
    '        spec:',
    `          cloneCodebase: ${m.gitConnector ? 'true' : 'false'}`);
  if (m.slsa?.enabled) lines.push(...slsaBlock(m.slsa, 10));
  const tags = parseTags(m.tags ?? '');
  lines.push(
    '          execution:',
    '            steps:',
    '              - step:',
    '                  identifier: BuildAndPush',
    '                  name: Build and Push',
    '                  type: BuildAndPushDockerRegistry',
    '                  spec:',
    `                    connectorRef: ${q(m.registryConnector ?? '')}`,
    `                    repo: ${q(m.repo ?? '')}`,
    ...(tags.length ? ['                    tags:', ...tags.map((t) => `                      - ${q(t)}`)] : ['                    tags: []']),
    `                    dockerfile: ${q(m.dockerfile || 'Dockerfile')}`,
    `                    context: ${q(m.context || '.')}`);
  return `${lines.join('\n')}\n`;
}

/** What must be filled in before saving: field -> message. */
export function validatePipelineForm(m) {
  const errors = {};
  if (!m.name?.trim()) errors.name = 'Name is required';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(m.identifier ?? '')) errors.identifier = 'Identifier: a letter or _ then letters, digits or _';
  if (!m.registryConnector) errors.registryConnector = 'Choose the registry connector to push to';
  if (!m.repo?.trim()) errors.repo = 'Repository is required, e.g. demo/app';
  if (!parseTags(m.tags ?? '').length) errors.tags = 'At least one tag is required';
  if (m.slsa?.enabled && !m.slsa.privateKey) errors.privateKey = 'Private key is required';
  if (m.slsa?.enabled && !m.slsa.password) errors.password = 'Password is required';
  return errors;
}
