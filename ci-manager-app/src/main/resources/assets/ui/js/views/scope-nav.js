// The project's management links (Pipelines, Secrets, Connectors, Projects) and the scope switcher
// (Project / Organization / Account) of the Secrets and Connectors pages.
import { h } from '../dom.js';
import { projectHash, rememberProject } from './context.js';

export function projectNav(org, project, currentPage) {
  const base = projectHash(org, project);
  const links = [['pipelines', 'Pipelines', base], ['secrets', 'Secrets', `${base}/secrets`],
    ['connectors', 'Connectors', `${base}/connectors`], ['projects', 'Projects', '#/projects']];
  return h('nav', { class: 'subnav', 'aria-label': 'Project', testid: 'project-nav' },
    h('ul', null, links.map(([key, label, href]) => h('li', null,
      h('a', { href, testid: `nav-${key}`, 'aria-current': key === currentPage ? 'page' : null }, label)))));
}

export const LEVELS = [['project', 'Project'], ['org', 'Organization'], ['account', 'Account']];

export function scopeSwitcher(org, project, page, level) {
  const base = `${projectHash(org, project)}/${page}`;
  return h('nav', { class: 'scope-switch', 'aria-label': 'Scope', testid: 'scope-switch' },
    h('ul', null, LEVELS.map(([key, label]) => h('li', null,
      h('a', { href: `${base}?scope=${key}`, testid: `scope-${key}`, 'aria-current': key === level ? 'page' : null },
        label, key === 'project' ? ` ${project}` : key === 'org' ? ` ${org}` : '')))));
}

export function levelFrom(query) {
  const value = query.get('scope');
  return ['project', 'org', 'account'].includes(value) ? value : 'project';
}

/**
 * Enters a scoped page (Secrets, Connectors): remembers the project, sets the title and crumbs, and
 * returns the scope the query asks for, with its label.
 */
export function enterScopedPage(ctx, title) {
  const { org, project } = ctx.params;
  rememberProject(org, project);
  const level = levelFrom(ctx.query);
  const scopeLabel = level === 'account' ? 'account' : level === 'org' ? `organization ${org}` : `project ${project}`;
  document.title = `${title} · ${scopeLabel} · CI Manager`;
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }, { label: title }]);
  return { org, project, level, scopeLabel, scope: { level, org, project } };
}
