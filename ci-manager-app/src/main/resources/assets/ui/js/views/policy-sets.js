// Policy sets: the sets of one scope (account, org or project), and an editor that evaluates a set's
// CEL policies against the stored provenance of a run before saving it.
import { api, path } from '../api.js';
import { h, errorBox, loading, replaceChildren, spinner } from '../dom.js';
import { projectHash } from './context.js';
import { policyTable } from './verification-cell.js';

const TEMPLATE = {
  identifier: 'release_policy',
  name: 'Release policy',
  policies: [
    {
      identifier: 'from_main', name: 'Built from main', severity: 'error',
      expression: "predicate.buildDefinition.externalParameters.codeMetadata.branch == 'main'",
      message: 'the image was not built from the main branch',
    },
    {
      identifier: 'fresh', name: 'Built in the last 30 days', severity: 'warning',
      expression: "now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('720h')",
      message: 'the image is older than 30 days',
    },
  ],
};

export function render(ctx) {
  const { org, project } = ctx.params;
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }, { label: 'Policy sets' }]);
  const scopes = { account: '/policysets', org: path`/orgs/${org}/policysets`, project: path`/orgs/${org}/projects/${project}/policysets` };
  let scope = 'account';
  let sets = [];

  const scopeSelect = h('select', { id: 'policy-scope', testid: 'policy-scope' },
    h('option', { value: 'account' }, 'Account'), h('option', { value: 'org' }, `Org ${org}`),
    h('option', { value: 'project' }, `Project ${project}`));
  const list = h('div', { class: 'list-area', testid: 'policy-sets-area', 'aria-live': 'polite' }, loading('Loading policy sets…'));
  const area = h('textarea', {
    id: 'policy-json', class: 'yaml-area', testid: 'policy-json', spellcheck: 'false', autocapitalize: 'off',
    autocomplete: 'off', rows: '18', value: JSON.stringify(TEMPLATE, null, 2), 'aria-describedby': 'policy-json-help',
  });
  const execution = h('input', { id: 'policy-execution', type: 'text', testid: 'policy-execution', autocomplete: 'off' });
  const feedback = h('div', { class: 'reserved', testid: 'policy-feedback', 'aria-live': 'polite' });
  const evaluate = h('button', { type: 'button', class: 'btn', testid: 'policy-evaluate', onclick: () => run(tryPolicies) }, 'Evaluate');
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'policy-save' }, 'Save policy set');
  const form = h('form', { class: 'yaml-form', testid: 'policy-form' },
    h('label', { for: 'policy-json' }, 'Policy set (JSON)'),
    h('p', { id: 'policy-json-help', class: 'muted small hint' },
      'Each expression is CEL over statement, predicate, predicateType, image and now; true means compliant.'),
    area,
    h('div', { class: 'field inline-field' },
      h('label', { for: 'policy-execution' }, 'Evaluate against the provenance of execution'), execution, evaluate),
    feedback,
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => { event.preventDefault(); run(saveSet); });
  scopeSelect.addEventListener('change', () => { scope = scopeSelect.value; load(); });

  ctx.main.append(h('section', { class: 'page', testid: 'policy-sets-page' },
    h('h1', null, 'Policy sets'),
    h('div', { class: 'field inline-field' }, h('label', { for: 'policy-scope' }, 'Scope'), scopeSelect),
    list,
    h('h2', null, 'Edit and test'),
    form));
  load();

  async function load() {
    try {
      ({ policySets: sets } = await api.get(scopes[scope]));
      if (!ctx.isCurrent()) return;
      list.replaceChildren(sets.length ? table() : h('p', { class: 'empty', testid: 'no-policy-sets' }, 'No policy sets at this scope.'));
    } catch (error) {
      if (ctx.isCurrent()) list.replaceChildren(errorBox(error, 'policy-sets-error'));
    }
  }

  function table() {
    return h('table', { class: 'table stack', testid: 'policy-sets-table' },
      h('thead', null, h('tr', null, ['Name', 'Reference', 'Policies', 'Version']
        .map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, sets.map((s) => h('tr', { testid: 'policy-set-row', dataset: { policySet: s.identifier } },
        h('td', { 'data-label': 'Name' }, s.name),
        h('td', { 'data-label': 'Reference' }, h('code', null, s.reference)),
        h('td', { 'data-label': 'Policies' }, String(s.policies.length)),
        h('td', { 'data-label': 'Version' }, String(s.version)),
        h('td', { class: 'row-actions' }, h('button', {
          type: 'button', class: 'btn btn-small', testid: 'edit-policy-set', 'aria-label': `Edit ${s.name}`,
          onclick: () => {
            area.value = JSON.stringify({ identifier: s.identifier, name: s.name, policies: s.policies }, null, 2);
            area.focus();
          },
        }, 'Edit'))))));
  }

  function parsed() {
    try {
      return JSON.parse(area.value);
    } catch (error) {
      throw { message: `The policy set is not valid JSON: ${error.message}`, code: null };
    }
  }

  async function tryPolicies() {
    const executionId = execution.value.trim();
    if (!executionId) {
      execution.focus();
      throw { message: 'Enter the execution whose provenance the policies are evaluated against', code: null };
    }
    const result = await api.post(`${scopes[scope]}/evaluate`, { policies: parsed().policies, executionId });
    return h('div', { testid: 'policy-evaluation', dataset: { status: result.status } },
      h('p', { class: `policy-result ${result.status === 'FAILED' ? 'failure' : result.status === 'WARNING' ? 'warn' : 'ok'}`, testid: 'policy-evaluation-status' },
        `${result.status} on ${result.image}@${result.digest}`),
      policyTable(result.policies));
  }

  async function saveSet() {
    const set = parsed();
    const existing = sets.some((s) => s.identifier === set.identifier);
    await (existing
      ? api.json(`${scopes[scope]}/${encodeURIComponent(set.identifier)}`, { method: 'PUT', json: set })
      : api.post(scopes[scope], set));
    await load();
    return h('p', { class: 'alert alert-success', testid: 'policy-saved' }, `Saved ${set.identifier}.`);
  }

  async function run(action) {
    evaluate.disabled = true;
    save.disabled = true;
    replaceChildren(feedback, spinner('Working'));
    try {
      replaceChildren(feedback, await action());
    } catch (error) {
      replaceChildren(feedback, errorBox(error, 'policy-error'));
    } finally {
      evaluate.disabled = false;
      save.disabled = false;
    }
  }
}
