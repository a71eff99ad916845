// The SlsaVerification step of one CI stage in "Build stage settings": a switch adds or removes it; the
// registry connector, image path, tag or digest, public key (file secret) and policy sets to enforce are
// chosen with the same pickers as elsewhere ("+ New connector", "+ New secret"). verification-yaml.js
// writes the step.
import { api } from '../api.js';
import { h, uniqueId, replaceChildren } from '../dom.js';
import { scopePrefix } from '../identifiers.js';
import { connectorSelect } from './connector-picker.js';
import { secretSelect } from './secret-picker.js';

export function verificationEditor(stage, initial, scope, onChange) {
  const toggleId = uniqueId('verify-toggle');
  const toggle = h('input', { type: 'checkbox', role: 'switch', id: toggleId, class: 'switch', testid: 'verify-toggle', checked: initial.enabled });
  const connector = connectorSelect(scope, { type: 'DockerRegistry', label: 'Registry connector', testid: 'verify-connector', value: initial.connector });
  const imagePath = textField('Image path', 'verify-image-path', initial.imagePath, 'The repository in the registry, e.g. demo/app.');
  const reference = textField('Tag or digest', 'verify-reference', initial.reference,
    'A tag such as <+pipeline.sequenceId> or a digest sha256:…; a digest is checked as is.');
  const publicKey = secretSelect(scope, { type: 'SecretFile', label: 'Public key', testid: 'verify-public-key', value: initial.publicKey });
  const policySets = policySetChecks(scope, initial.policySets);
  const fields = h('div', { class: 'slsa-fields', testid: 'verify-fields' },
    connector.field, imagePath.element, reference.element, publicKey.field, policySets.element);
  const element = h('section', { class: 'verify-step', testid: 'verify-step', 'aria-labelledby': `${toggleId}-label` },
    h('div', { class: 'switch-row' }, toggle, h('label', { for: toggleId, id: `${toggleId}-label` }, 'SLSA Verification step')),
    h('p', { class: 'muted small' }, 'Verifies the image\'s signed provenance with the public key and enforces the policy sets; the step fails otherwise.'),
    fields);

  const controls = () => [connector.select, imagePath.input, reference.input, publicKey.select, ...policySets.boxes()];
  const syncDisabled = () => {
    controls().forEach((c) => { c.disabled = !toggle.checked; });
    element.querySelectorAll('.picker-row button').forEach((b) => { b.disabled = !toggle.checked; });
    fields.classList.toggle('disabled', !toggle.checked);
    if (!toggle.checked) setErrors({});
  };
  toggle.addEventListener('change', () => { syncDisabled(); onChange(); });
  // a field's message goes as soon as the user changes that field
  const fixed = (event) => {
    const field = [connector, imagePath, reference, publicKey].find((f) => (f.select ?? f.input) === event.target);
    field?.setError(null);
    onChange();
  };
  fields.addEventListener('change', fixed);
  fields.addEventListener('input', fixed);
  policySets.ready.then(syncDisabled);
  syncDisabled();

  function setErrors(errors) {
    connector.setError(errors.connector);
    imagePath.setError(errors.imagePath);
    reference.setError(errors.reference);
    publicKey.setError(errors.publicKey);
  }

  return {
    stage,
    element,
    value: () => ({
      enabled: toggle.checked,
      connector: connector.select.value,
      imagePath: imagePath.input.value.trim(),
      reference: reference.input.value.trim(),
      publicKey: publicKey.select.value,
      policySets: policySets.selected(),
    }),
    set(value) {
      toggle.checked = value.enabled;
      connector.select.value = value.connector;
      imagePath.input.value = value.imagePath;
      reference.input.value = value.reference;
      publicKey.select.value = value.publicKey;
      policySets.select(value.policySets);
      syncDisabled();
    },
    /** Shows the messages; returns the first invalid control, or null. */
    showErrors(errors) {
      setErrors(errors);
      return errors.connector ? connector.select : errors.imagePath ? imagePath.input
        : errors.reference ? reference.input : errors.publicKey ? publicKey.select : null;
    },
  };
}

function textField(label, testid, value, hint) {
  const id = uniqueId(testid);
  const error = h('p', { class: 'field-error', id: `${id}-error`, testid: `${testid}-error` });
  const input = h('input', { type: 'text', id, testid, value: value ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint ${id}-error` });
  const element = h('div', { class: 'field' }, h('label', { for: id }, label), input,
    h('p', { class: 'muted small', id: `${id}-hint` }, hint), error);
  return {
    element,
    input,
    setError(message) {
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** Checkboxes of the policy sets the project can reach (project, org, account scope). */
function policySetChecks(scope, initiallySelected) {
  let chosen = new Set(initiallySelected);
  const list = h('div', { class: 'check-list', testid: 'verify-policy-sets' }, h('span', { class: 'muted' }, 'Loading…'));
  const element = h('fieldset', { class: 'field check-field' }, h('legend', null, 'Policy sets to enforce'), list);
  const render = (references) => {
    const all = [...references, ...[...chosen].filter((r) => !references.includes(r))];
    replaceChildren(list, all.length ? all.map((reference) => {
      const id = uniqueId('policy-set');
      return h('div', { class: 'check-row' },
        h('input', { type: 'checkbox', id, value: reference, testid: 'verify-policy-set', checked: chosen.has(reference) }),
        h('label', { for: id }, references.includes(reference) ? reference : `${reference} (not found)`));
    }) : h('span', { class: 'muted', testid: 'verify-no-policy-sets' }, 'No policy sets yet: create them under Policy sets.'));
  };
  const levels = ['project', 'org', 'account'];
  const ready = Promise.all(levels.map((level) =>
    api.get(`${scopePrefix({ ...scope, level })}/policysets`).then((r) => r.policySets ?? []).catch(() => [])))
    .then((lists) => render(lists.flat().map((s) => s.reference).filter(Boolean)));
  const boxes = () => [...list.querySelectorAll('input[type=checkbox]')];
  return {
    element,
    ready,
    boxes,
    // in the YAML's order, then newly checked ones: an untouched list must not read as a change
    selected: () => {
      const loaded = boxes();
      if (!loaded.length) return [...chosen];
      const checked = loaded.filter((b) => b.checked).map((b) => b.value);
      return [...[...chosen].filter((r) => checked.includes(r)), ...checked.filter((r) => !chosen.has(r))];
    },
    select(references) {
      chosen = new Set(references);
      boxes().forEach((b) => { b.checked = chosen.has(b.value); });
    },
  };
}
