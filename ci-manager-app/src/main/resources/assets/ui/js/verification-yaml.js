// Reads, adds, rewrites and removes the SlsaVerification step of a pipeline's CI stage, as text, with the
// line rules of slsa-yaml.js (so comments, quoting and every other step stay as the user wrote them).
// The step is written in the shape of the contract's examples/pipeline-verify.yaml. Pure functions only,
// so `node --test ci-manager-app/src/test/js/` covers them.
import {
  YamlEditError, blockEnd, children, findStages, formatScalar, parseKeyLine, parseScalar, scan,
} from './slsa-yaml.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const DEFAULT_IDENTIFIER = 'VerifyProvenance';
const DEFAULT_NAME = 'Verify SLSA Provenance';

/** No step: what the editor shows for a stage without one. */
export const NO_VERIFICATION = Object.freeze({
  enabled: false, connector: '', imagePath: '', reference: '', publicKey: '', policySets: [],
});

/** The messages shown next to the fields: field -> message. */
export function validateVerification(v) {
  const errors = {};
  if (!v.enabled) return errors;
  if (!v.connector) errors.connector = 'Registry connector is required';
  if (!v.imagePath?.trim()) errors.imagePath = 'Image path is required, e.g. demo/app';
  const reference = v.reference?.trim() ?? '';
  if (!reference) errors.reference = 'Tag or digest is required';
  else if (reference.startsWith('sha256:') && !DIGEST.test(reference)) {
    errors.reference = 'A digest is sha256: followed by 64 lowercase hex digits';
  }
  if (!v.publicKey) errors.publicKey = 'Public key is required';
  return errors;
}

/**
 * The first SlsaVerification step of stage `stageIdentifier` as
 * `{enabled: true, identifier, name, connector, imagePath, reference, publicKey, policySets}`
 * (`reference` is the digest when the step has one, else its tag), or NO_VERIFICATION.
 */
export function readVerificationStep(yamlText, stageIdentifier) {
  const { lines } = scan(yamlText);
  const steps = stepsOf(lines, stageIdentifier, false);
  const found = steps?.items.find((item) => item.type === 'SlsaVerification');
  if (!found) return { ...NO_VERIFICATION, policySets: [] };
  const step = children(lines, found.index + 1, found.end).byKey;
  const source = nested(lines, step, 'spec', 'source', 'spec');
  const attestation = nested(lines, step, 'spec', 'verify_attestation', 'spec');
  const digest = value(source, 'digest');
  return {
    enabled: true,
    identifier: value(step, 'identifier') ?? '',
    name: value(step, 'name') ?? '',
    connector: value(source, 'connector') ?? '',
    imagePath: value(source, 'image_path') ?? '',
    reference: digest || (value(source, 'tag') ?? ''),
    publicKey: value(attestation, 'public_key') ?? '',
    policySets: listValues(lines, nested(lines, step, 'enforce').get('policySets')),
  };
}

/**
 * Returns the document with stage `stageIdentifier`'s SlsaVerification step set to `v`: rewritten in
 * place (keeping its identifier and name), appended to the stage's steps when it has none, removed when
 * `v.enabled` is false. Throws YamlEditError when the stage or its `execution.steps` list is missing or
 * written in a form this editor does not handle.
 */
export function setVerificationStep(yamlText, stageIdentifier, v) {
  const { lines, eol } = scan(yamlText);
  const steps = stepsOf(lines, stageIdentifier, true);
  const existing = steps.items.find((item) => item.type === 'SlsaVerification');
  const texts = lines.map((l) => l.text);
  if (!v.enabled) {
    if (existing) texts.splice(existing.index, existing.end - existing.index);
    return texts.join(eol);
  }
  let identifier = DEFAULT_IDENTIFIER;
  let name = DEFAULT_NAME;
  if (existing) {
    const keys = children(lines, existing.index + 1, existing.end).byKey;
    identifier = value(keys, 'identifier') || identifier;
    name = value(keys, 'name') || name;
  } else {
    const taken = new Set(steps.items.map((item) => item.identifier));
    for (let n = 2; taken.has(identifier); n++) identifier = `${DEFAULT_IDENTIFIER}_${n}`;
  }
  const block = verificationStepLines({ ...v, identifier, name }, steps.dashCol, steps.keyOffset, steps.unit);
  if (existing) texts.splice(existing.index, existing.end - existing.index, ...block);
  else texts.splice(steps.end, 0, ...block);
  return texts.join(eol);
}

/**
 * The `- step:` item for `v`, its dash at column `dashCol`, its keys `keyOffset` columns right of the
 * dash, nested by `unit`: the layout of the contract's pipeline-verify.yaml with the defaults.
 */
export function verificationStepLines(v, dashCol = 14, keyOffset = 4, unit = 2) {
  const pad = (level) => ' '.repeat(dashCol + keyOffset + level * unit);
  const q = scalar;
  const reference = v.reference.trim();
  const lines = [
    `${' '.repeat(dashCol)}- step:`,
    `${pad(0)}identifier: ${q(v.identifier ?? DEFAULT_IDENTIFIER)}`,
    `${pad(0)}name: ${q(v.name ?? DEFAULT_NAME)}`,
    `${pad(0)}type: SlsaVerification`,
    `${pad(0)}spec:`,
    `${pad(1)}source:`,
    `${pad(2)}type: Docker`,
    `${pad(2)}spec:`,
    `${pad(3)}connector: ${q(v.connector)}`,
    `${pad(3)}image_path: ${q(v.imagePath.trim())}`,
    `${pad(3)}${reference.startsWith('sha256:') ? 'digest' : 'tag'}: ${q(reference)}`,
    `${pad(1)}verify_attestation:`,
    `${pad(2)}type: cosign`,
    `${pad(2)}spec:`,
    `${pad(3)}public_key: ${q(v.publicKey)}`,
  ];
  const sets = (v.policySets ?? []).filter(Boolean);
  if (sets.length) {
    lines.push(`${pad(0)}enforce:`, `${pad(1)}policySets:`, ...sets.map((s) => `${pad(2)}- ${q(s)}`));
  }
  return lines;
}

// Plain when YAML reads it back as the same string (as the contract writes "<+pipeline.sequenceId>",
// "sha256:<hex>" and names with spaces), double-quoted otherwise.
function scalar(text) {
  const plain = /^[A-Za-z_<][A-Za-z0-9_ .\-/:<+>]*$/.test(text) && !/: | #|:$| $/.test(text)
    && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(text);
  return plain ? text : formatScalar(text);
}

// The `execution.steps` list of a stage: its `- step:` items ({index, end, identifier, type}), where a new
// item goes (end), and the layout to copy. With `required`, a missing stage or list is a YamlEditError.
function stepsOf(lines, stageIdentifier, required) {
  const fail = (problem) => {
    if (!required) return null;
    throw new YamlEditError(`Tried to edit the verification step of stage "${stageIdentifier}" but ${problem}`);
  };
  const stage = findStages(lines).find((s) =>
    value(children(lines, s.start, s.end).byKey, 'identifier') === stageIdentifier);
  if (!stage) return fail('the YAML has no stage with that identifier');
  const stageChildren = children(lines, stage.start, stage.end);
  const unit = Math.max(1, (stageChildren.indent ?? stage.keyCol + 2) - stage.keyCol);
  const spec = stageChildren.byKey.get('spec');
  const execution = spec && spec.rest === '' && children(lines, spec.index + 1, spec.end).byKey.get('execution');
  const list = execution && execution.rest === '' && children(lines, execution.index + 1, execution.end).byKey.get('steps');
  if (!list || list.rest !== '') return fail('it has no execution.steps list written as one "- step:" per item; edit it in the YAML tab');
  const items = [];
  let dashCol = null;
  let keyOffset = null;
  for (let i = list.index + 1; i < list.end; i++) {
    const line = lines[i];
    if (!line.meaningful) continue;
    dashCol ??= line.indent;
    if (line.indent !== dashCol) continue;
    const key = parseKeyLine(line);
    if (!key || !key.dash || key.key !== 'step' || key.rest !== '') continue;
    const end = blockEnd(lines, i + 1, line.indent);
    const keys = children(lines, i + 1, end);
    keyOffset ??= keys.indent === null ? null : keys.indent - dashCol;
    items.push({ index: i, end, identifier: value(keys.byKey, 'identifier'), type: value(keys.byKey, 'type') });
  }
  if (dashCol === null) return fail('its steps list is empty');
  return { items, end: list.end, dashCol, keyOffset: keyOffset ?? 2 + unit, unit };
}

// The mapping at path `keys` under `map` (each key a block mapping), or an empty map.
function nested(lines, map, ...keys) {
  let current = map;
  for (const key of keys) {
    const entry = current.get(key);
    if (!entry || entry.rest !== '') return new Map();
    current = children(lines, entry.index + 1, entry.end).byKey;
  }
  return current;
}

function value(map, key) {
  return map.has(key) ? parseScalar(map.get(key).rest) : null;
}

// The strings of a block (`- a` per line) or flow (`[a, b]`) sequence.
function listValues(lines, entry) {
  if (!entry) return [];
  if (entry.rest.startsWith('[')) {
    return entry.rest.replace(/^\[|\]$/g, '').split(',').map((s) => parseScalar(s)).filter(Boolean);
  }
  const values = [];
  for (let i = entry.index + 1; i < entry.end; i++) {
    const line = lines[i];
    if (line.meaningful && line.content.startsWith('- ')) values.push(parseScalar(line.content.slice(2)));
  }
  return values;
}
