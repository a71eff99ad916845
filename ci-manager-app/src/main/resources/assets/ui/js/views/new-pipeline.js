// New pipeline: a form (name -> identifier, codebase, one Build stage with one Build and Push step, SLSA
// provenance) that writes the YAML shown beside it; or the YAML typed by hand.
import { api, path } from '../api.js';
import { h, uniqueId, replaceChildren, spinner, errorBox, announce } from '../dom.js';
import { textField, nameAndIdentifier } from '../form-dialog.js';
import { guardLeaving } from '../leave-guard.js';
import { pipelineYaml, validatePipelineForm } from '../pipeline-form.js';
import { projectHash, rememberProject } from './context.js';
import { yamlForm } from './pipeline.js';
import { connectorSelect } from './connector-picker.js';
import { secretSelect } from './secret-picker.js';
import { openKeyPairDialog } from './secret-dialogs.js';

export function render(ctx) {
  const { org, project } = ctx.params;
  rememberProject(org, project);
  document.title = `New pipeline · ${project} · CI Manager`;
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }, { label: 'New pipeline' }]);
  const scope = { level: 'project', org, project };
  let saved = false;
  let byHand = null; // the YAML textarea's form when writing by hand

  const ids = nameAndIdentifier({ testidPrefix: 'pipeline' });
  const git = connectorSelect(scope, { type: 'Git', label: 'Git connector (codebase)', testid: 'codebase-connector' });
  const branch = textField('Branch', { testid: 'codebase-branch', value: 'main' });
  const stageName = textField('Stage name', { testid: 'stage-name', value: 'Build' });
  const registry = connectorSelect(scope, { type: 'DockerRegistry', label: 'Registry connector', testid: 'registry-connector' });
  const repo = textField('Repository', { testid: 'step-repo', hint: 'The repository in the registry, e.g. demo/app' });
  const tags = textField('Tags', { testid: 'step-tags', value: '<+pipeline.sequenceId>', hint: 'Comma-separated; <+pipeline.sequenceId> is the run number.' });
  const dockerfile = textField('Dockerfile', { testid: 'step-dockerfile', value: 'Dockerfile' });
  const context = textField('Build context', { testid: 'step-context', value: '.' });
  const toggleId = uniqueId('slsa');
  const slsaToggle = h('input', { type: 'checkbox', role: 'switch', id: toggleId, class: 'switch', testid: 'form-slsa-toggle' });
  const key = secretSelect(scope, { type: 'SecretFile', label: 'Private key', testid: 'form-private-key' });
  const password = secretSelect(scope, { type: 'SecretText', label: 'Password', testid: 'form-password' });
  const generate = h('button', {
    type: 'button', class: 'btn btn-small', testid: 'form-generate-key-pair',
    onclick: async () => {
      const created = await openKeyPairDialog(scope);
      if (created) await Promise.all([key.reload(created.privateKey.reference), password.reload(created.password.reference)]);
    },
  }, 'Generate Cosign key pair');
  const slsaFields = h('div', { class: 'stack-gap', testid: 'form-slsa-fields' }, key.field, password.field, h('div', null, generate));
  const errorsBox = h('p', { class: 'field-error', testid: 'pipeline-form-errors' });
  const fieldErrors = {
    name: h('p', { class: 'field-error', testid: 'pipeline-name-error' }),
    identifier: h('p', { class: 'field-error', testid: 'pipeline-identifier-error' }),
    repo: h('p', { class: 'field-error', testid: 'step-repo-error' }),
    tags: h('p', { class: 'field-error', testid: 'step-tags-error' }),
  };
  ids.fields[0].append(fieldErrors.name);
  ids.fields[1].append(fieldErrors.identifier);
  repo.field.append(fieldErrors.repo);
  tags.field.append(fieldErrors.tags);

  const preview = h('pre', { class: 'code yaml-preview', testid: 'new-pipeline-yaml', tabindex: '0', 'aria-label': 'The pipeline YAML this form writes' });
  const feedback = h('div', { class: 'reserved', testid: 'new-pipeline-feedback', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'create-pipeline' }, 'Create pipeline');
  const form = h('form', { class: 'pipeline-form', testid: 'new-pipeline-form', novalidate: true },
    h('fieldset', { class: 'card' }, h('legend', null, 'Pipeline'), ids.fields),
    h('fieldset', { class: 'card' }, h('legend', null, 'Codebase'), git.field, branch.field),
    h('fieldset', { class: 'card' }, h('legend', null, 'Build stage: Build and Push step'),
      stageName.field, registry.field, repo.field, tags.field, dockerfile.field, context.field),
    h('fieldset', { class: 'card' }, h('legend', null, 'SLSA provenance'),
      h('div', { class: 'switch-row' }, slsaToggle, h('label', { for: toggleId }, 'Generate SLSA Provenance')), slsaFields),
    errorsBox, feedback,
    h('div', { class: 'actions' }, save));

  const model = () => ({
    name: ids.name.value.trim(), identifier: ids.identifier.value.trim(), org, project,
    gitConnector: git.select.value, branch: branch.input.value.trim(), stageName: stageName.input.value.trim(),
    registryConnector: registry.select.value, repo: repo.input.value.trim(), tags: tags.input.value,
    dockerfile: dockerfile.input.value.trim(), context: context.input.value.trim(),
    slsa: { enabled: slsaToggle.checked, privateKey: key.select.value, password: password.select.value },
  });
  const initial = JSON.stringify(model());
  const refresh = () => {
    slsaFields.hidden = !slsaToggle.checked;
    preview.textContent = pipelineYaml(model());
  };
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  refresh();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const m = model();
    const errors = validatePipelineForm(m);
    for (const [field, el] of Object.entries(fieldErrors)) el.textContent = errors[field] ?? '';
    registry.setError(errors.registryConnector);
    key.setError(errors.privateKey);
    password.setError(errors.password);
    const messages = Object.values(errors);
    errorsBox.textContent = messages.length ? `Fix ${messages.length === 1 ? 'this field' : `these ${messages.length} fields`}: ${messages.join('; ')}.` : '';
    if (messages.length) {
      form.querySelector('[aria-invalid=true], .field-error:not(:empty)')?.closest('.field')?.querySelector('input, select')?.focus();
      return;
    }
    save.disabled = true;
    replaceChildren(feedback, spinner('Saving'));
    try {
      await create(m.identifier, pipelineYaml(m));
    } catch (error) {
      replaceChildren(feedback, errorBox(error, 'new-pipeline-error'));
    } finally {
      save.disabled = false;
    }
  });

  async function create(identifier, yaml) {
    await api.putYaml(path`/orgs/${org}/projects/${project}/pipelines/${identifier}`, yaml);
    saved = true;
    announce('Pipeline created');
    ctx.navigate(`${projectHash(org, project)}/pipelines/${encodeURIComponent(identifier)}/executions`);
  }

  const formArea = h('div', { class: 'split', testid: 'new-pipeline-split' }, form,
    h('section', { class: 'card preview', 'aria-labelledby': 'new-yaml-title' }, h('h2', { id: 'new-yaml-title' }, 'YAML'), preview));
  const modeSlot = h('div', null, formArea);
  const modeButton = h('button', {
    type: 'button', class: 'btn btn-small', testid: 'write-yaml-by-hand', 'aria-pressed': 'false',
    onclick: () => {
      if (byHand) {
        byHand = null;
        modeButton.setAttribute('aria-pressed', 'false');
        modeButton.textContent = 'Write the YAML by hand';
        replaceChildren(modeSlot, formArea);
        return;
      }
      byHand = yamlForm(pipelineYaml(model()), async (text) => {
        const id = /^\s*identifier:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/m.exec(text.split('\n').slice(1).join('\n'))?.[1];
        if (!id) throw { message: 'pipeline.identifier is missing from the YAML', code: null };
        await create(id, text);
      });
      modeButton.setAttribute('aria-pressed', 'true');
      modeButton.textContent = 'Use the form';
      replaceChildren(modeSlot, byHand);
    },
  }, 'Write the YAML by hand');
  ctx.onDispose(guardLeaving(() => !saved && (byHand ? true : JSON.stringify(model()) !== initial)));
  ctx.main.append(h('section', { class: 'page', testid: 'new-pipeline-page' },
    h('div', { class: 'page-head' }, h('h1', null, 'New pipeline'), modeButton), modeSlot));
}
