// The org and project pickers shared by the home and pipelines pages.
import { api, path } from '../api.js';
import { h, errorBox, uniqueId, replaceChildren } from '../dom.js';

const LAST_KEY = 'ci-manager.lastProject';

export function rememberProject(org, project) {
  sessionStorage.setItem(LAST_KEY, JSON.stringify({ org, project }));
}

export function lastProject() {
  try { return JSON.parse(sessionStorage.getItem(LAST_KEY)); } catch { return null; }
}

export const projectHash = (org, project) => `#/orgs/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}`;

/** Two labelled selects; choosing a project (or an org with projects) navigates there. */
export async function contextPicker(ctx, org, project) {
  const orgId = uniqueId('org');
  const projectId = uniqueId('project');
  const orgSelect = h('select', { id: orgId, testid: 'org-select' });
  const projectSelect = h('select', { id: projectId, testid: 'project-select' });
  const message = h('div', { class: 'picker-message', testid: 'picker-message' });
  const box = h('div', { class: 'picker', testid: 'context-picker' },
    h('div', { class: 'field' }, h('label', { for: orgId }, 'Organization'), orgSelect),
    h('div', { class: 'field' }, h('label', { for: projectId }, 'Project'), projectSelect),
    message);

  const fillProjects = async (selectedOrg, selectedProject) => {
    projectSelect.replaceChildren(h('option', { value: '' }, 'Loading…'));
    projectSelect.disabled = true;
    message.replaceChildren();
    try {
      const { projects } = await api.get(path`/orgs/${selectedOrg}/projects`);
      replaceChildren(projectSelect,
        h('option', { value: '', disabled: true }, projects.length ? 'Choose a project' : 'No projects'),
        projects.map((p) => h('option', { value: p.identifier, selected: p.identifier === selectedProject },
          p.name && p.name !== p.identifier ? `${p.name} (${p.identifier})` : p.identifier)));
      if (!projects.some((p) => p.identifier === selectedProject)) projectSelect.value = '';
      projectSelect.disabled = projects.length === 0;
      if (!projects.length) message.replaceChildren(h('p', { class: 'muted', testid: 'no-projects' }, 'This organization has no projects yet.'));
      return projects;
    } catch (error) {
      message.replaceChildren(errorBox(error, 'picker-error'));
      return [];
    }
  };

  orgSelect.addEventListener('change', async () => {
    const projects = await fillProjects(orgSelect.value, null);
    if (projects.length === 1) ctx.navigate(projectHash(orgSelect.value, projects[0].identifier));
    else projectSelect.focus();
  });
  projectSelect.addEventListener('change', () => {
    if (projectSelect.value) ctx.navigate(projectHash(orgSelect.value, projectSelect.value));
  });

  try {
    const { orgs } = await api.get('/orgs');
    replaceChildren(orgSelect,
      h('option', { value: '', disabled: true }, 'Choose an organization'),
      orgs.map((o) => h('option', { value: o.identifier, selected: o.identifier === org },
        o.name && o.name !== o.identifier ? `${o.name} (${o.identifier})` : o.identifier)));
    const chosen = orgs.some((o) => o.identifier === org) ? org : (orgs[0]?.identifier ?? '');
    orgSelect.value = chosen;
    if (chosen) await fillProjects(chosen, project);
  } catch (error) {
    message.replaceChildren(errorBox(error, 'picker-error'));
  }
  return box;
}
