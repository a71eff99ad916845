// Connectors of a scope: Docker registries and Git repositories; create, edit, delete, test.
import { api } from '../api.js';
import { h, errorBox, loading, announce } from '../dom.js';
import { scopePrefix } from '../identifiers.js';
import { projectNav, scopeSwitcher, enterScopedPage } from './scope-nav.js';
import { openConnectorDialog, testButton } from './connector-dialogs.js';
import { confirmDelete } from './secret-dialogs.js';

export async function render(ctx) {
  const { org, project, level, scopeLabel, scope } = enterScopedPage(ctx, 'Connectors');
  const list = h('div', { class: 'list-area', testid: 'connectors-area' }, loading('Loading connectors…'));
  ctx.main.append(h('section', { class: 'page', testid: 'connectors-page', dataset: { scope: level } },
    projectNav(org, project, 'connectors'),
    h('div', { class: 'page-head' },
      h('h1', null, 'Connectors'),
      h('button', { type: 'button', class: 'btn btn-primary', testid: 'new-connector',
        onclick: () => openConnectorDialog(scope).then((c) => c && saved(c)) }, 'New connector')),
    scopeSwitcher(org, project, 'connectors', level),
    list));
  await load();

  function saved(connector) {
    announce(`Connector ${connector.name} saved.`);
    return load();
  }

  async function load() {
    try {
      const { connectors } = await api.get(`${scopePrefix(scope)}/connectors`);
      if (!ctx.isCurrent()) return;
      list.replaceChildren(connectors.length ? table(connectors) : h('p', { class: 'empty', testid: 'no-connectors' },
        `No connectors at the ${scopeLabel} yet.`));
    } catch (error) {
      if (ctx.isCurrent()) list.replaceChildren(errorBox(error, 'connectors-error'));
    }
  }

  function table(connectors) {
    return h('table', { class: 'table stack', testid: 'connectors-table' },
      h('thead', null, h('tr', null, ['Name', 'Type', 'URL', 'Authentication', 'Reference'].map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, connectors.map((c) => {
        const auth = c.spec?.auth ?? c.spec?.authentication ?? {};
        const test = testButton(scope, c);
        return [h('tr', { testid: 'connector-row', dataset: { connector: c.identifier, type: c.type } },
          h('td', { 'data-label': 'Name' }, h('div', null, c.name), c.name !== c.identifier ? h('div', { class: 'muted small' }, c.identifier) : null),
          h('td', { 'data-label': 'Type' }, c.type === 'Git' ? 'Git' : 'Docker registry'),
          h('td', { 'data-label': 'URL', class: 'wrap' }, h('code', null, c.spec?.dockerRegistryUrl ?? c.spec?.url ?? '')),
          h('td', { 'data-label': 'Authentication' }, auth.type === 'UsernamePassword'
            ? [auth.spec?.username ?? '', ' · ', h('code', null, auth.spec?.passwordRef ?? '')] : 'Anonymous'),
          h('td', { 'data-label': 'Reference' }, h('code', null, c.reference)),
          h('td', null, h('div', { class: 'row-actions' },
            test.button,
            h('button', { type: 'button', class: 'btn btn-small', testid: 'edit-connector', 'aria-label': `Edit ${c.name}`,
              onclick: () => openConnectorDialog(scope, { existing: c }).then((u) => u && saved(u)) }, 'Edit'),
            h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: 'delete-connector', 'aria-label': `Delete ${c.name}`,
              onclick: () => confirmDelete(scope, 'connectors', c).then((d) => { if (d) { announce(`Connector ${c.name} deleted.`); load(); } }) }, 'Delete')))),
        h('tr', { class: 'subrow', testid: 'connector-test-row' }, h('td', { colspan: 6 }, test.result))];
      })));
  }
}
