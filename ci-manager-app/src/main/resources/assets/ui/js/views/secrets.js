// Secrets of a scope: type, version, reference, where used; create, update, delete, generate a key pair.
import { api } from '../api.js';
import { h, errorBox, loading, announce } from '../dom.js';
import { formatTime } from '../format.js';
import { scopePrefix } from '../identifiers.js';
import { projectNav, scopeSwitcher, enterScopedPage } from './scope-nav.js';
import { openSecretDialog, openKeyPairDialog, confirmDelete } from './secret-dialogs.js';

export async function render(ctx) {
  const { org, project, level, scopeLabel, scope } = enterScopedPage(ctx, 'Secrets');
  const list = h('div', { class: 'list-area', testid: 'secrets-area' }, loading('Loading secrets…'));
  ctx.main.append(h('section', { class: 'page', testid: 'secrets-page', dataset: { scope: level } },
    projectNav(org, project, 'secrets'),
    h('div', { class: 'page-head' },
      h('h1', null, 'Secrets'),
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn', testid: 'generate-key-pair', onclick: () => openKeyPairDialog(scope).then((c) => c && load()) }, 'Generate Cosign key pair'),
        h('button', { type: 'button', class: 'btn btn-primary', testid: 'new-secret', onclick: () => openSecretDialog(scope).then((s) => s && saved(s)) }, 'New secret'))),
    scopeSwitcher(org, project, 'secrets', level),
    list));
  await load();

  function saved(secret) {
    announce(`Secret ${secret.name} saved, version ${secret.version}.`);
    return load();
  }

  async function load() {
    try {
      const { secrets } = await api.get(`${scopePrefix(scope)}/secrets`);
      if (!ctx.isCurrent()) return;
      list.replaceChildren(secrets.length ? table(secrets) : h('p', { class: 'empty', testid: 'no-secrets' },
        `No secrets at the ${scopeLabel} yet.`));
      secrets.forEach(loadUsage);
    } catch (error) {
      if (ctx.isCurrent()) list.replaceChildren(errorBox(error, 'secrets-error'));
    }
  }

  async function loadUsage(secret) {
    const cell = list.querySelector(`[data-usage-of="${CSS.escape(secret.identifier)}"]`);
    try {
      const usage = await api.get(`${scopePrefix(scope)}/secrets/${encodeURIComponent(secret.identifier)}/usage`);
      const names = [...usage.pipelines.map((p) => p.name), ...usage.connectors.map((c) => `${c.name} (connector)`)];
      cell.replaceChildren(names.length ? names.join(', ') : h('span', { class: 'muted' }, 'Not used'));
      cell.dataset.uses = String(names.length);
    } catch {
      cell.replaceChildren(h('span', { class: 'muted' }, 'Unknown'));
    }
  }

  function table(secrets) {
    return h('table', { class: 'table stack', testid: 'secrets-table' },
      h('thead', null, h('tr', null, ['Name', 'Type', 'Version', 'Reference', 'Where used', 'Updated'].map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, secrets.map((s) => h('tr', { testid: 'secret-row', dataset: { secret: s.identifier, type: s.type } },
        h('td', { 'data-label': 'Name' }, h('div', null, s.name), s.name !== s.identifier ? h('div', { class: 'muted small' }, s.identifier) : null),
        h('td', { 'data-label': 'Type' }, s.type === 'SecretFile' ? 'File' : 'Text'),
        h('td', { 'data-label': 'Version', testid: 'secret-version' }, String(s.version)),
        h('td', { 'data-label': 'Reference' }, h('code', null, s.reference)),
        h('td', { 'data-label': 'Where used', testid: 'secret-usage', 'data-usage-of': s.identifier }, '…'),
        h('td', { 'data-label': 'Updated' }, formatTime(s.updatedAt)),
        h('td', null, h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'btn btn-small', testid: 'update-secret', 'aria-label': `Update ${s.name}`,
            onclick: () => openSecretDialog(scope, { existing: s }).then((u) => u && saved(u)) }, 'Update'),
          h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: 'delete-secret', 'aria-label': `Delete ${s.name}`,
            onclick: () => confirmDelete(scope, 'secrets', s).then((d) => { if (d) { announce(`Secret ${s.name} deleted.`); load(); } }) }, 'Delete')))))));
  }
}
