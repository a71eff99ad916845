// Organizations and their projects: list, create, rename. Also where a new account starts.
import { api, path } from '../api.js';
import { h, errorBox, loading, announce } from '../dom.js';
import { openFormDialog, nameAndIdentifier } from '../form-dialog.js';
import { projectHash } from './context.js';

export async function render(ctx) {
  document.title = 'Organizations and projects · CI Manager';
  ctx.setCrumbs([{ label: 'Projects' }]);
  const list = h('div', { class: 'list-area', testid: 'orgs-area' }, loading('Loading organizations…'));
  ctx.main.append(h('section', { class: 'page', testid: 'projects-page' },
    h('div', { class: 'page-head' },
      h('h1', null, 'Organizations and projects'),
      h('button', { type: 'button', class: 'btn', testid: 'new-org', onclick: () => createOrg().then((o) => o && load()) }, 'New organization')),
    list));
  await load();

  async function load() {
    try {
      const { orgs } = await api.get('/orgs');
      const withProjects = await Promise.all(orgs.map(async (o) => ({ ...o, projects: (await api.get(path`/orgs/${o.identifier}/projects`)).projects })));
      if (!ctx.isCurrent()) return;
      list.replaceChildren(...withProjects.map(orgCard));
    } catch (error) {
      if (ctx.isCurrent()) list.replaceChildren(errorBox(error, 'orgs-error'));
    }
  }

  function orgCard(o) {
    const headingId = `org-${o.identifier}`;
    return h('section', { class: 'card org-card', testid: 'org-card', dataset: { org: o.identifier }, 'aria-labelledby': headingId },
      h('div', { class: 'page-head' },
        h('h2', { id: headingId }, o.name, o.name !== o.identifier ? h('span', { class: 'muted small' }, ` ${o.identifier}`) : null),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'btn btn-small', testid: 'rename-org', 'aria-label': `Rename ${o.name}`,
            onclick: () => rename(path`/orgs/${o.identifier}`, o).then((r) => r && load()) }, 'Rename'),
          h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'new-project', 'aria-label': `New project in ${o.name}`,
            onclick: () => createProject(ctx, o.identifier) }, 'New project'))),
      o.projects.length
        ? h('ul', { class: 'project-list' }, o.projects.map((p) => h('li', { testid: 'project-row', dataset: { project: p.identifier } },
          h('a', { href: projectHash(o.identifier, p.identifier), testid: 'project-link' }, p.name),
          p.name !== p.identifier ? h('span', { class: 'muted small' }, ` ${p.identifier}`) : null, ' ',
          h('button', { type: 'button', class: 'btn btn-small', testid: 'rename-project', 'aria-label': `Rename ${p.name}`,
            onclick: () => rename(path`/orgs/${o.identifier}/projects/${p.identifier}`, p).then((r) => r && load()) }, 'Rename'))))
        : h('p', { class: 'muted', testid: 'no-projects' }, 'No projects yet.'));
  }
}

function rename(apiPath, item) {
  const ids = nameAndIdentifier({ testidPrefix: 'rename', name: item.name, identifier: item.identifier, lockIdentifier: true });
  return openFormDialog({
    title: `Rename ${item.name}`, testid: 'rename-dialog', body: ids.fields, submitLabel: 'Rename',
    onSubmit: async () => {
      const renamed = await api.put(apiPath, { name: ids.name.value.trim() });
      announce(`Renamed to ${renamed.name}.`);
      return renamed;
    },
  });
}

function createOrg() {
  const ids = nameAndIdentifier({ testidPrefix: 'org' });
  return openFormDialog({
    title: 'New organization', testid: 'org-dialog', body: ids.fields, submitLabel: 'Create organization',
    onSubmit: () => api.post('/orgs', { identifier: ids.identifier.value.trim(), name: ids.name.value.trim() }),
  });
}

/** Creates a project in `org` and opens it. */
export async function createProject(ctx, org) {
  const ids = nameAndIdentifier({ testidPrefix: 'project' });
  const created = await openFormDialog({
    title: `New project in ${org}`, testid: 'project-dialog', body: ids.fields, submitLabel: 'Create project',
    onSubmit: () => api.post(path`/orgs/${org}/projects`, { identifier: ids.identifier.value.trim(), name: ids.name.value.trim() }),
  });
  if (created) {
    announce(`Project ${created.name} created.`);
    ctx.navigate(projectHash(org, created.identifier));
  }
  return created;
}
