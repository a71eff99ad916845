// "Build stage settings": Generate SLSA Provenance with its Cosign key and password per CI stage, and
// its SLSA Verification step. Saving rewrites only the slsa_provenance blocks and verification steps the
// user changed (see slsa-yaml.js and verification-yaml.js).
import { api, path } from '../api.js';
import { h, errorBox, loading, replaceChildren, spinner, announce, uniqueId } from '../dom.js';
import { changedLines } from '../line-diff.js';
import { listStages, setSlsaProvenance, validateSlsaSettings } from '../slsa-yaml.js';
import { guardLeaving } from '../leave-guard.js';
import { readVerificationStep, setVerificationStep, validateVerification } from '../verification-yaml.js';
import { verificationEditor } from './verification-step-editor.js';
import { openSecretDialog, openKeyPairDialog } from './secret-dialogs.js';

const SCOPE_LABELS = { account: 'Account', org: 'Organization', project: 'Project' };
const OFF = { enabled: false, privateKey: '', password: '' };

export function renderStageSettings(ctx, panel) {
  const { org, project, pipeline } = ctx.params;
  const pipelinePath = path`/orgs/${org}/projects/${project}/pipelines/${pipeline}`;
  panel.append(loading('Loading stage settings…'));
  Promise.all([api.getYaml(pipelinePath), loadSecrets(org, project, 'SecretFile'), loadSecrets(org, project, 'SecretText')])
    .then(([yaml, files, texts]) => {
      if (!ctx.isCurrent()) return;
      const scope = { level: 'project', org, project };
      const form = settingsForm(yaml, files, texts, pipelinePath, scope);
      panel.replaceChildren(form);
      if (form.isDirty) ctx.onDispose(guardLeaving(form.isDirty));
    }, (error) => {
      if (ctx.isCurrent()) panel.replaceChildren(errorBox(error, 'settings-load-error'));
    });
}

/** Secrets of one type from account, org and project scope; a scope that fails is reported, not fatal. */
async function loadSecrets(org, project, type) {
  const scopes = [
    ['account', ''],
    ['org', path`/orgs/${org}`],
    ['project', path`/orgs/${org}/projects/${project}`],
  ];
  const results = await Promise.allSettled(scopes.map(([, prefix]) => api.get(`${prefix}/secrets?type=${type}`)));
  const secrets = [];
  const errors = [];
  results.forEach((result, i) => {
    const scope = scopes[i][0];
    if (result.status === 'rejected') {
      errors.push(`${SCOPE_LABELS[scope]} secrets could not be listed: ${result.reason.message}`);
      return;
    }
    for (const secret of result.value.secrets ?? []) {
      if (secret.type && secret.type !== type) continue;
      const reference = secret.reference ?? (scope === 'project' ? secret.identifier : `${scope}.${secret.identifier}`);
      if (secrets.some((s) => s.reference === reference)) continue; // a scope may list inherited secrets too
      secrets.push({ scope: secret.scope ?? scope, reference, name: secret.name });
    }
  });
  return { secrets, errors };
}

function settingsForm(baseYaml, files, texts, pipelinePath, scope) {
  let base = baseYaml;
  let stages;
  try {
    stages = listStages(base).map((stage, index) => ({ ...stage, index })).filter((stage) => stage.type === 'CI');
  } catch (error) {
    return errorBox(error, 'settings-load-error');
  }
  if (stages.length === 0) {
    return h('p', { class: 'empty', testid: 'no-ci-stages' },
      'This pipeline has no Build stage (type: CI). Add one in the Pipeline YAML tab.');
  }
  const initial = new Map(stages.map((s) => [s.identifier, toSettings(s.slsa)]));
  const editors = stages.map((stage) => stageEditor(stage, initial.get(stage.identifier), files, texts, update, scope));
  const initialVerify = new Map(stages.map((s) => [s.identifier, readVerificationStep(base, s.identifier)]));
  const verifiers = stages.map((stage) => verificationEditor(stage, initialVerify.get(stage.identifier), scope, update));
  verifiers.forEach((v, i) => editors[i].element.append(v.element));
  const sameStep = (a, b) => a.enabled === b.enabled && (!a.enabled
    || JSON.stringify([a.connector, a.imagePath, a.reference, a.publicKey, a.policySets])
      === JSON.stringify([b.connector, b.imagePath, b.reference, b.publicKey, b.policySets]));

  const previewStatus = h('p', { class: 'muted preview-status', testid: 'yaml-preview-status' });
  const previewText = h('pre', { class: 'code yaml-preview', testid: 'yaml-preview-text', tabindex: '0', 'aria-label': 'YAML after saving' });
  const feedback = h('div', { class: 'reserved', testid: 'settings-feedback', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'settings-save' }, 'Save');
  const discard = h('button', { type: 'button', class: 'btn', testid: 'settings-discard', onclick: reset }, 'Discard changes');
  const form = h('form', { class: 'settings', testid: 'stage-settings-form', novalidate: true },
    h('p', { class: 'muted' }, 'Signs an SLSA v1 provenance for every image the stage pushes and attaches it to the image in the registry; an SLSA Verification step checks an image\'s provenance against your policy sets.'),
    editors.map((e) => e.element),
    h('section', { class: 'card preview', testid: 'yaml-preview', 'aria-labelledby': 'yaml-preview-title' },
      h('h2', { id: 'yaml-preview-title' }, 'YAML preview'), previewStatus, previewText),
    feedback,
    h('div', { class: 'actions sticky-actions' }, discard, save));

  let pending = base;
  function update() {
    const changedStages = editors.filter((e) => !sameSettings(e.value(), initial.get(e.stage.identifier)));
    try {
      pending = changedStages.reduce((yaml, e) => setSlsaProvenance(yaml, e.stage.identifier, e.value()), base);
      pending = verifiers.filter((v) => !sameStep(v.value(), initialVerify.get(v.stage.identifier)))
        .reduce((yaml, v) => setVerificationStep(yaml, v.stage.identifier, v.value()), pending);
    } catch (error) {
      pending = null;
      replaceChildren(previewStatus, h('span', { class: 'field-error', testid: 'yaml-preview-error' }, error.message));
      save.disabled = true;
      return;
    }
    save.disabled = false;
    const range = changedLines(base, pending);
    const lines = pending.split(/\r?\n/);
    previewText.replaceChildren(...lines.map((line, i) => h('span', {
      class: i >= range.start && i < range.end ? 'line changed' : 'line',
    }, `${line}\n`)));
    previewStatus.textContent = pending === base ? 'No changes.' : `${range.end - range.start} line(s) changed, highlighted below.`;
    const first = previewText.children[range.start];
    if (pending !== base && first) previewText.scrollTop = Math.max(0, first.offsetTop - previewText.offsetTop - 40);
  }

  function reset() {
    editors.forEach((e) => e.set(initial.get(e.stage.identifier)));
    verifiers.forEach((v) => v.set(initialVerify.get(v.stage.identifier)));
    replaceChildren(feedback);
    update();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let firstInvalid = null;
    for (const editor of editors) {
      const invalid = editor.showErrors(validateSlsaSettings(editor.value()));
      firstInvalid ??= invalid;
    }
    for (const verifier of verifiers) {
      const invalid = verifier.showErrors(validateVerification(verifier.value()));
      firstInvalid ??= invalid;
    }
    if (firstInvalid) {
      replaceChildren(feedback, h('p', { class: 'alert alert-error', role: 'alert', testid: 'settings-invalid' }, 'Fix the highlighted fields before saving.'));
      firstInvalid.focus();
      return;
    }
    if (pending === null) return;
    if (pending === base) {
      replaceChildren(feedback, h('p', { class: 'alert alert-info', testid: 'settings-unchanged' }, 'Nothing to save.'));
      return;
    }
    save.disabled = true;
    replaceChildren(feedback, spinner('Saving'));
    try {
      await api.putYaml(pipelinePath, pending);
      base = await api.getYaml(pipelinePath).catch(() => pending);
      editors.forEach((e) => initial.set(e.stage.identifier, e.value()));
      verifiers.forEach((v) => initialVerify.set(v.stage.identifier, v.value()));
      replaceChildren(feedback, h('p', { class: 'alert alert-success', testid: 'settings-saved' }, 'Saved. The next run uses these settings.'));
      announce('Stage settings saved');
    } catch (error) {
      editors.forEach((e) => e.showServerProblems(error.problems ?? []));
      replaceChildren(feedback, errorBox(error, 'settings-error'));
    } finally {
      update();
      // The outcome sits below the preview; bring it above the sticky Save bar so the user sees it.
      feedback.scrollIntoView({ block: 'nearest' });
    }
  });

  update();
  form.isDirty = () => pending !== null && pending !== base;
  return form;
}

function toSettings(slsa) {
  if (!slsa) return { ...OFF };
  return { enabled: slsa.enabled, privateKey: slsa.privateKey ?? '', password: slsa.password ?? '' };
}

function sameSettings(a, b) {
  return a.enabled === b.enabled && a.privateKey === b.privateKey && a.password === b.password;
}

function stageEditor(stage, settings, files, texts, onChange, scope) {
  const toggleId = uniqueId('slsa-toggle');
  const toggle = h('input', { type: 'checkbox', role: 'switch', id: toggleId, class: 'switch', testid: 'slsa-toggle', checked: settings.enabled });
  const key = secretField('Private Key', 'private-key', files, settings.privateKey, 'file secret', scope);
  const password = secretField('Password', 'password', texts, settings.password, 'text secret', scope);
  const keyPair = h('button', {
    type: 'button', class: 'btn btn-small', testid: 'settings-generate-key-pair',
    onclick: async () => {
      const created = await openKeyPairDialog(scope);
      if (!created) return;
      key.add(created.privateKey, true);
      password.add(created.password, true);
    },
  }, 'Generate Cosign key pair');
  const fields = h('div', { class: 'slsa-fields', testid: 'slsa-fields' }, key.element, password.element, h('div', null, keyPair));
  const element = h('fieldset', { class: 'card stage-card', testid: 'stage-settings', dataset: { stage: stage.identifier } },
    h('legend', null, stage.name || stage.identifier, ' ', h('code', { class: 'muted' }, stage.identifier), ' ', h('span', { class: 'muted small' }, 'Build stage')),
    h('div', { class: 'switch-row' }, toggle, h('label', { for: toggleId }, 'Generate SLSA Provenance')),
    fields);

  const syncDisabled = () => {
    key.select.disabled = !toggle.checked;
    password.select.disabled = !toggle.checked;
    key.addButton.disabled = !toggle.checked;
    password.addButton.disabled = !toggle.checked;
    keyPair.disabled = !toggle.checked;
    fields.classList.toggle('disabled', !toggle.checked);
    if (!toggle.checked) { key.setError(null); password.setError(null); }
  };
  toggle.addEventListener('change', () => { syncDisabled(); onChange(); });
  key.select.addEventListener('change', () => { key.setError(null); onChange(); });
  password.select.addEventListener('change', () => { password.setError(null); onChange(); });
  syncDisabled();

  return {
    stage,
    element,
    value: () => ({ enabled: toggle.checked, privateKey: key.select.value, password: password.select.value }),
    set(value) {
      toggle.checked = value.enabled;
      key.select.value = value.privateKey;
      password.select.value = value.password;
      syncDisabled();
    },
    /** Shows the messages; returns the first invalid control, or null. */
    showErrors(errors) {
      key.setError(errors.privateKey ?? null);
      password.setError(errors.password ?? null);
      return errors.privateKey ? key.select : errors.password ? password.select : null;
    },
    // A 400 names YAML paths like pipeline.stages[0].stage.spec.slsa_provenance.attestation.spec.private_key.
    showServerProblems(problems) {
      for (const problem of problems) {
        const match = /stages\[(\d+)\]\.stage\.spec\.slsa_provenance\.attestation\.spec\.(private_key|password)/.exec(problem.path ?? '');
        if (!match || Number(match[1]) !== stage.index) continue;
        (match[2] === 'private_key' ? key : password).setError(problem.message);
      }
    },
  };
}

function secretField(label, name, { secrets, errors }, selected, kind, scope) {
  const id = uniqueId(name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const groups = ['account', 'org', 'project'].map((scope) => {
    const inScope = secrets.filter((s) => s.scope === scope);
    return inScope.length ? h('optgroup', { label: SCOPE_LABELS[scope] },
      inScope.map((s) => h('option', { value: s.reference, title: s.name ?? '' },
        s.name && s.name !== s.reference ? `${s.name} (${s.reference})` : s.reference))) : null;
  });
  const known = secrets.some((s) => s.reference === selected);
  const select = h('select', { id, testid: `${name}-select`, 'aria-describedby': `${hintId} ${errorId}` },
    h('option', { value: '' }, `Select a ${kind}…`),
    groups,
    selected && !known ? h('optgroup', { label: 'In the YAML, not found' }, h('option', { value: selected }, `${selected} (not found)`)) : null);
  select.value = selected ?? '';
  const hint = secrets.length === 0
    ? `No ${kind}s in account, organization or project scope.`
    : `${kind.charAt(0).toUpperCase() + kind.slice(1)}s from account, organization and project scope.`;
  const error = h('p', { class: 'field-error', id: errorId, testid: `${name}-error` });
  const type = kind === 'file secret' ? 'SecretFile' : 'SecretText';
  /** Adds a secret just created (in place) to the select, under its scope, and selects it. */
  const add = (secret, choose) => {
    const scopeLabel = SCOPE_LABELS[secret.scope] ?? 'Project';
    let group = [...select.querySelectorAll('optgroup')].find((g) => g.label === scopeLabel);
    if (!group) select.append(group = h('optgroup', { label: scopeLabel }));
    if (![...select.options].some((o) => o.value === secret.reference)) {
      group.append(h('option', { value: secret.reference, title: secret.name }, `${secret.name} (${secret.reference})`));
    }
    if (choose) {
      select.value = secret.reference;
      select.dispatchEvent(new Event('change'));
    }
  };
  const addButton = h('button', {
    type: 'button', class: 'btn btn-small', testid: `${name}-new`, 'aria-label': `+ New secret for ${label}`,
    onclick: async () => {
      const created = await openSecretDialog(scope, { type });
      if (created) add(created, true);
    },
  }, '+ New secret');
  const element = h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('div', { class: 'picker-row' }, select, addButton),
    h('p', { class: 'muted small', id: hintId }, hint, errors.map((e) => h('span', { class: 'warn' }, ' ', e))),
    error);
  return {
    element,
    select,
    add,
    addButton,
    setError(message) {
      error.textContent = message ?? '';
      if (message) select.setAttribute('aria-invalid', 'true');
      else select.removeAttribute('aria-invalid');
    },
  };
}
