// A project's pipelines with Run, executions and settings.
import { api, path } from '../api.js';
import { h, errorBox, loading } from '../dom.js';
import { formatTime } from '../format.js';
import { contextPicker, rememberProject, projectHash } from './context.js';
import { openRunDialog } from './run-dialog.js';

export async function render(ctx) {
  const { org, project } = ctx.params;
  rememberProject(org, project);
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }]);
  const list = h('div', { class: 'list-area', testid: 'pipelines-area' }, loading('Loading pipelines…'));
  const pickerSlot = h('div', { class: 'picker-slot' });
  ctx.main.append(h('section', { class: 'page', testid: 'pipelines-page' },
    pickerSlot,
    h('div', { class: 'page-head' },
      h('h1', null, 'Pipelines'),
      h('a', { class: 'btn', href: `${projectHash(org, project)}/new-pipeline`, testid: 'new-pipeline' }, 'New pipeline'),
      h('a', { class: 'btn', href: `${projectHash(org, project)}/policysets`, testid: 'policy-sets-link' }, 'Policy sets')),
    list));
  const [picker] = await Promise.all([contextPicker(ctx, org, project), load()]);
  if (ctx.isCurrent()) pickerSlot.replaceChildren(picker);

  async function load() {
    try {
      const { pipelines } = await api.get(path`/orgs/${org}/projects/${project}/pipelines`);
      if (!ctx.isCurrent()) return;
      list.replaceChildren(pipelines.length ? table(pipelines) : h('p', { class: 'empty', testid: 'no-pipelines' },
        'No pipelines in this project yet. ', h('a', { href: `${projectHash(org, project)}/new-pipeline` }, 'Create one from YAML.')));
    } catch (error) {
      if (ctx.isCurrent()) list.replaceChildren(errorBox(error, 'pipelines-error'));
    }
  }

  function table(pipelines) {
    const base = (p) => `${projectHash(org, project)}/pipelines/${encodeURIComponent(p.identifier)}`;
    return h('table', { class: 'table stack', testid: 'pipelines-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Identifier'),
        h('th', { scope: 'col' }, 'Updated'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, pipelines.map((p) => h('tr', { testid: 'pipeline-row', dataset: { pipeline: p.identifier } },
        h('td', { 'data-label': 'Name' }, h('a', { href: `${base(p)}/executions`, testid: 'pipeline-link' }, p.name || p.identifier)),
        h('td', { 'data-label': 'Identifier' }, h('code', null, p.identifier)),
        h('td', { 'data-label': 'Updated' }, formatTime(p.updatedAt)),
        h('td', { class: 'row-actions' },
          h('button', {
            type: 'button', class: 'btn btn-primary btn-small', testid: 'run-pipeline',
            'aria-label': `Run ${p.name || p.identifier}`,
            onclick: () => openRunDialog(ctx, org, project, p.identifier, p.name || p.identifier),
          }, 'Run'),
          h('a', { class: 'btn btn-small', href: `${base(p)}/settings`, testid: 'pipeline-settings-link' }, 'Stage settings'))))));
  }
}
