// "/" goes to the last project of this tab, else the only project, else shows the pickers.
import { api, path } from '../api.js';
import { h, loading } from '../dom.js';
import { contextPicker, lastProject, projectHash } from './context.js';

export async function render(ctx) {
  const last = lastProject();
  if (last?.org && last?.project) {
    ctx.navigate(projectHash(last.org, last.project));
    return;
  }
  ctx.main.append(loading());
  let org = 'default';
  try {
    const { projects } = await api.get(path`/orgs/${org}/projects`);
    if (projects.length === 1) {
      ctx.navigate(projectHash(org, projects[0].identifier));
      return;
    }
  } catch {
    org = null; // the picker shows the error when it loads the orgs itself
  }
  const picker = await contextPicker(ctx, org, null);
  if (!ctx.isCurrent()) return;
  ctx.main.replaceChildren(h('section', { class: 'page', testid: 'home-page' },
    h('h1', null, 'Choose a project'), h('div', { class: 'card' }, picker)));
}
