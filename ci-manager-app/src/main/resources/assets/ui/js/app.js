// The shell: hash routing, the signed-in header, and the lifecycle of the current view.
import { api, session } from './api.js';
import { h, replaceChildren } from './dom.js';
import { allowHashChange } from './leave-guard.js';
import * as signIn from './views/signin.js';
import * as home from './views/home.js';
import * as pipelines from './views/pipelines.js';
import * as pipeline from './views/pipeline.js';
import * as newPipeline from './views/new-pipeline.js';
import * as execution from './views/execution.js';
import * as policySets from './views/policy-sets.js';

import * as projects from './views/projects.js';
import * as secrets from './views/secrets.js';
import * as connectors from './views/connectors.js';

const ROUTES = [
  { pattern: /^\/signin$/, view: signIn, names: [], public: true },
  { pattern: /^\/?$/, view: home, names: [] },
  { pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/?$/, view: pipelines, names: ['org', 'project'] },
  { pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/new-pipeline$/, view: newPipeline, names: ['org', 'project'] },
  { pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/policysets$/, view: policySets, names: ['org', 'project'] },

  { pattern: /^\/projects$/, view: projects, names: [] },
  { pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/secrets$/, view: secrets, names: ['org', 'project'] },
  { pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/connectors$/, view: connectors, names: ['org', 'project'] },
  {
    pattern: /^\/orgs\/([^/]+)\/projects\/([^/]+)\/pipelines\/([^/]+)(?:\/(executions|settings|yaml|triggers))?$/,
    view: pipeline, names: ['org', 'project', 'pipeline', 'tab'],
  },
  { pattern: /^\/executions\/([^/]+)(?:\/(pipeline|artifacts))?$/, view: execution, names: ['executionId', 'tab'] },
];

const RETURN_KEY = 'ci-manager.returnTo';
const main = document.getElementById('main');
let current = null; // {route, params, instance, disposers, key}
let me = null;

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?');
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(pathPart);
    if (!match) continue;
    const params = {};
    candidate.names.forEach((name, i) => {
      if (match[i + 1] !== undefined) params[name] = decodeURIComponent(match[i + 1]);
    });
    return { route: candidate, params, query: new URLSearchParams(queryPart) };
  }
  return null;
}

async function route() {
  const parsed = parseHash();
  if (!parsed) {
    dispose();
    setCrumbs([]);
    replaceChildren(main, h('section', { class: 'page', testid: 'not-found-page' },
      h('h1', null, 'Page not found'), h('p', null, h('a', { href: '#/' }, 'Go to your pipelines'))));
    return;
  }
  if (parsed.route.view === signIn && session.token()) {
    navigate('#/');
    return;
  }
  if (!parsed.route.public && !session.token()) {
    sessionStorage.setItem(RETURN_KEY, location.hash);
    navigate('#/signin');
    return;
  }
  if (!parsed.route.public && !me) await loadMe();
  // Switching tabs of the same pipeline or execution keeps the view (and its polling) alive.
  const key = parsed.route.view.key?.(parsed.params);
  if (current && current.route === parsed.route && key !== undefined && current.key === key && current.instance?.update) {
    current.instance.update(parsed.params, parsed.query);
    return;
  }
  dispose();
  const disposers = [];
  const ctx = {
    params: parsed.params,
    query: parsed.query,
    main,
    navigate,
    setCrumbs,
    me: () => me,
    onDispose: (fn) => disposers.push(fn),
    isCurrent: () => current === state,
    afterSignIn,
  };
  const state = { route: parsed.route, params: parsed.params, key, disposers, instance: null };
  current = state;
  setCrumbs([]);
  main.replaceChildren();
  state.instance = (await parsed.route.view.render(ctx)) ?? null;
}

function dispose() {
  if (!current) return;
  current.disposers.forEach((fn) => fn());
  current = null;
}

function setCrumbs(crumbs) {
  const nav = document.querySelector('[data-testid="breadcrumb"]');
  const items = crumbs.map((crumb, i) => {
    const last = i === crumbs.length - 1;
    return h('li', null, last || !crumb.href
      ? h('span', { 'aria-current': last ? 'page' : null }, crumb.label)
      : h('a', { href: crumb.href }, crumb.label));
  });
  replaceChildren(nav, crumbs.length ? h('ol', null, items) : null);
}

async function loadMe() {
  try {
    me = await api.get('/me');
  } catch {
    me = null; // a 401 already signed out; other errors show on the page itself
  }
  renderAccount();
}

function renderAccount() {
  const box = document.querySelector('[data-testid="account"]');
  box.hidden = !me;
  if (!me) return;
  box.querySelector('[data-testid="user-name"]').textContent = me.userName ?? '';
  box.querySelector('[data-testid="account-id"]').textContent = me.accountIdentifier ? `· ${me.accountIdentifier}` : '';
  box.querySelector('[data-testid="user-name"]').title = me.userEmail ?? '';
}

function afterSignIn(profile) {
  me = profile;
  renderAccount();
  const target = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  navigate(target && target !== '#/signin' ? target : '#/');
}

function signOut(message) {
  session.signOut();
  me = null;
  renderAccount();
  dispose();
  if (message) sessionStorage.setItem('ci-manager.signinMessage', message);
  navigate('#/signin');
}

document.querySelector('[data-testid="sign-out"]').addEventListener('click', () => signOut());
document.querySelector('[data-testid="skip-link"]').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('api:unauthorized', () => {
  if (!session.token()) return;
  if (location.hash && location.hash !== '#/signin') sessionStorage.setItem(RETURN_KEY, location.hash);
  signOut('Your session ended: the token was not accepted. Sign in again.');
});
window.addEventListener('hashchange', () => {
  if (!allowHashChange()) return;
  route().then(() => { if (document.activeElement === document.body) main.focus({ preventScroll: true }); });
});
route();
