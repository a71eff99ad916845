// "Run pipeline" with an optional branch; on success opens the new execution.
import { api, path } from '../api.js';
import { h, errorBox, replaceChildren, spinner } from '../dom.js';

export function openRunDialog(ctx, org, project, pipeline, label = pipeline) {
  const branch = h('input', { id: 'run-branch', name: 'branch', type: 'text', testid: 'run-branch', placeholder: 'default branch', autocomplete: 'off' });
  const feedback = h('div', { class: 'reserved', testid: 'run-feedback' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'run-submit' }, 'Run pipeline');
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'run-cancel', onclick: () => dialog.close() }, 'Cancel');
  const form = h('form', { method: 'dialog', class: 'dialog-body' },
    h('h2', { id: 'run-title' }, `Run ${label}`),
    h('label', { for: 'run-branch' }, 'Branch ', h('span', { class: 'muted' }, '(optional)')),
    branch,
    h('p', { class: 'muted small', testid: 'run-default-branch', id: 'run-default-branch' }, 'Leave empty to build the pipeline\'s default branch.'),
    feedback,
    h('div', { class: 'actions' }, cancel, submit));
  const dialog = h('dialog', { class: 'dialog', testid: 'run-dialog', 'aria-labelledby': 'run-title' }, form);
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replaceChildren(feedback, spinner('Starting the run'));
    try {
      const body = branch.value.trim() ? { branch: branch.value.trim() } : {};
      const started = await api.post(path`/orgs/${org}/projects/${project}/pipelines/${pipeline}/executions`, body);
      dialog.close();
      ctx.navigate(`#/executions/${encodeURIComponent(started.executionId)}`);
    } catch (error) {
      submit.disabled = false;
      replaceChildren(feedback, errorBox(error, 'run-error'));
    }
  });
  branch.setAttribute('aria-describedby', 'run-default-branch');
  api.getYaml(path`/orgs/${org}/projects/${project}/pipelines/${pipeline}`).then((yaml) => {
    const found = defaultBranch(yaml);
    const note = dialog.querySelector('[data-testid=run-default-branch]');
    if (found && note) {
      note.textContent = `Leave empty to build the default branch, ${found}.`;
      branch.placeholder = found;
    } else if (note) {
      note.textContent = /codebase:/.test(yaml) ? note.textContent : 'This pipeline has no codebase: it builds without a branch.';
    }
  }).catch(() => {});
  document.body.append(dialog);
  dialog.showModal();
  branch.focus();
}

/** The codebase's branch in the pipeline YAML (`properties.ci.codebase.build.spec.branch`), or null. */
export function defaultBranch(yaml) {
  const match = /codebase:[\s\S]*?build:[\s\S]*?type:\s*branch[\s\S]*?branch:\s*["']?([^\s"'#]+)/.exec(yaml);
  return match ? match[1] : null;
}
