// "/" goes to the last project of this tab, else the only project, else shows the pickers.
import { api, path } from '../api.js';
import { h, loading } from '../dom.js';
import { contextPicker, lastProject, projectHash } from './context.js';
import { createProject } from './projects.js';

export async function render(ctx) {
  const last = lastProject();
  if (last?.org && last?.project) {
    ctx.navigate(projectHash(last.org, last.project));
    return;
  }
  ctx.main.append(loading());
  document.title = 'CI Manager';
  let org = 'default';
  let none = false;
  try {
    const { projects } = await api.get(path`/orgs/${org}/projects`);
    if (projects.length === 1) {
      ctx.navigate(projectHash(org, projects[0].identifier));
      return;
    }
    none = projects.length === 0 && (await api.get('/orgs')).orgs.length === 1;
  } catch {
    org = null; // the picker shows the error when it loads the orgs itself
  }
  const picker = await contextPicker(ctx, org, null);
  if (!ctx.isCurrent()) return;
  const first = none ? h('div', { class: 'card', testid: 'first-project' },
    h('h2', null, 'Start with a project'),
    h('p', null, 'Pipelines, and the secrets and connectors they use, live in a project.'),
    h('button', { type: 'button', class: 'btn btn-primary', testid: 'create-first-project', onclick: () => createProject(ctx, 'default') },
      'Create your first project')) : null;
  ctx.main.replaceChildren(h('section', { class: 'page', testid: 'home-page' },
    h('h1', null, none ? 'Welcome' : 'Choose a project'), first, h('div', { class: 'card' }, picker),
    h('p', null, h('a', { href: '#/projects', testid: 'manage-projects' }, 'Manage organizations and projects'))));
}
