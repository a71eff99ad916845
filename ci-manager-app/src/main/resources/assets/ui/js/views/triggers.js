// The pipeline page's Triggers tab: the pipeline's webhooks and schedules with their URL or next due times
// and last fire, enable/disable, and create/edit as YAML (templates of the contract's two examples).
import { api, path } from '../api.js';
import { h, errorBox, loading, replaceChildren, spinner, announce, statusBadge } from '../dom.js';
import { formatTime } from '../format.js';
import { cronTemplate, webhookTemplate, withEnabled } from '../trigger-yaml.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export function triggersPanel(ctx, panel) {
  const { org, project, pipeline } = ctx.params;
  const base = path`/orgs/${org}/projects/${project}/pipelines/${pipeline}/triggers`;
  const listSlot = h('div', { testid: 'triggers-list' }, loading('Loading triggers…'));
  const editorSlot = h('div', { testid: 'trigger-editor-slot' });
  const load = async () => {
    try {
      const { triggers } = await api.get(base);
      if (!ctx.isCurrent()) return;
      replaceChildren(listSlot, triggers.length ? triggersTable(triggers, { toggle, edit })
        : h('p', { class: 'empty', testid: 'no-triggers' }, 'No triggers yet: runs start only when someone presses Run.'));
    } catch (error) {
      if (ctx.isCurrent()) replaceChildren(listSlot, errorBox(error, 'triggers-error'));
    }
  };
  const save = async (identifier, yaml) => {
    await api.putYaml(`${base}/${encodeURIComponent(identifier)}`, yaml);
    announce(`Trigger ${identifier} saved`);
    await load();
  };
  async function toggle(trigger) {
    try {
      await save(trigger.identifier, withEnabled(trigger.yaml, !trigger.enabled));
    } catch (error) {
      replaceChildren(listSlot, errorBox(error, 'triggers-error'));
    }
  }
  function edit(trigger) {
    replaceChildren(editorSlot, editor(trigger.identifier, trigger.yaml, false, save, () => replaceChildren(editorSlot)));
  }
  const create = (kind) => {
    const where = { identifier: kind === 'webhook' ? 'on_push' : 'nightly', org, project, pipeline };
    loadTextSecrets(org, project).then((secrets) => {
      const yaml = kind === 'webhook' ? webhookTemplate({ ...where, secret: secrets[0] ?? '' }) : cronTemplate(where);
      replaceChildren(editorSlot, editor(where.identifier, yaml, true, save, () => replaceChildren(editorSlot),
        kind === 'webhook' ? secrets : null));
    });
  };
  panel.append(
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', testid: 'new-webhook-trigger', onclick: () => create('webhook') }, 'New webhook trigger'),
      ' ',
      h('button', { type: 'button', class: 'btn', testid: 'new-schedule-trigger', onclick: () => create('schedule') }, 'New schedule')),
    editorSlot, listSlot);
  load();
}

function triggersTable(triggers, { toggle, edit }) {
  return h('table', { class: 'table stack', testid: 'triggers-table' },
    h('thead', null, h('tr', null, ['Trigger', 'Source', 'Where / when', 'Last fired', 'Enabled', '']
      .map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', null, triggers.map((t) => h('tr', { testid: 'trigger-row', dataset: { trigger: t.identifier, type: t.type, enabled: String(t.enabled) } },
      h('td', { 'data-label': 'Trigger' }, h('strong', null, t.name), h('div', { class: 'muted small' }, t.identifier)),
      h('td', { 'data-label': 'Source' }, t.type === 'Webhook' ? `${t.provider} ${t.event}` : `Cron ${t.schedule.expression}`),
      h('td', { 'data-label': 'Where / when' }, t.type === 'Webhook'
        ? h('code', { testid: 'trigger-webhook-url', class: 'small trigger-url' }, `${window.location.origin}${t.webhookUrl}`)
        : h('ul', { class: 'plain small', testid: 'trigger-next-due' }, t.schedule.nextDueTimes
          .map((time) => h('li', null, zoned(time, t.schedule.timezone))))),
      h('td', { 'data-label': 'Last fired', testid: 'trigger-last-fired' }, t.lastFired
        ? [formatTime(t.lastFired.at), ' ', statusBadge(t.lastFired.result), ' ',
          t.lastFired.executionId ? h('a', { href: `#/executions/${encodeURIComponent(t.lastFired.executionId)}` }, 'run') : null,
          t.lastFired.message ? h('div', { class: 'muted small' }, t.lastFired.message) : null]
        : h('span', { class: 'muted' }, 'never')),
      h('td', { 'data-label': 'Enabled' }, h('button', {
        type: 'button', class: 'btn btn-small', role: 'switch', 'aria-checked': String(t.enabled), testid: 'trigger-toggle',
        onclick: () => toggle(t),
      }, t.enabled ? 'Enabled' : 'Disabled')),
      h('td', { 'data-label': '' }, h('button', { type: 'button', class: 'btn btn-small', testid: 'trigger-edit', onclick: () => edit(t) }, 'Edit'))))));
}

/** A due time as the trigger's zone reads it, e.g. "Sun, 30 Nov 2026, 03:00 (Europe/Berlin)". */
function zoned(iso, timezone) {
  try {
    return `${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(new Date(iso))} (${timezone})`;
  } catch {
    return iso;
  }
}

function editor(identifier, yaml, creating, save, close, secrets = null) {
  const idInput = h('input', { id: 'trigger-identifier', testid: 'trigger-identifier', value: identifier, readonly: !creating, required: true });
  const area = h('textarea', { id: 'trigger-yaml', class: 'yaml-area', testid: 'trigger-yaml', rows: '20', spellcheck: 'false', value: yaml });
  const feedback = h('div', { class: 'reserved', 'aria-live': 'polite', testid: 'trigger-feedback' });
  const secretSelect = secrets === null ? null : h('select', {
    id: 'trigger-secret', testid: 'trigger-secret-select',
    onchange: (event) => { area.value = area.value.replace(/^(\s+secret:)[^\n]*$/m, `$1 ${event.target.value}`); },
  }, secrets.length ? secrets.map((s) => h('option', { value: s }, s)) : h('option', { value: '' }, 'No text secrets found'));
  const form = h('form', { class: 'yaml-form', testid: 'trigger-editor' },
    h('label', { for: 'trigger-identifier' }, 'Identifier'), idInput,
    secretSelect ? [h('label', { for: 'trigger-secret' }, 'Webhook secret (a text secret)'), secretSelect] : null,
    h('label', { for: 'trigger-yaml' }, 'Trigger YAML'), area, feedback,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', testid: 'trigger-save' }, 'Save trigger'), ' ',
      h('button', { type: 'button', class: 'btn', testid: 'trigger-cancel', onclick: close }, 'Close')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = idInput.value.trim();
    if (!IDENTIFIER.test(id)) {
      replaceChildren(feedback, h('p', { class: 'alert alert-error' }, 'The identifier is a letter or _, then letters, digits or _.'));
      return;
    }
    const text = creating ? area.value.replace(/^( {2}identifier:)[^\n]*$/m, `$1 ${id}`) : area.value;
    replaceChildren(feedback, spinner('Saving'));
    try {
      await save(id, text);
      replaceChildren(feedback, h('p', { class: 'alert alert-success', testid: 'trigger-saved' }, 'Saved.'));
    } catch (error) {
      replaceChildren(feedback, errorBox(error, 'trigger-error'));
    }
  });
  return form;
}

/** References of the text secrets in account, org and project scope (a scope that fails is skipped). */
async function loadTextSecrets(org, project) {
  const scopes = [['account.', ''], ['org.', path`/orgs/${org}`], ['', path`/orgs/${org}/projects/${project}`]];
  const results = await Promise.allSettled(scopes.map(([, prefix]) => api.get(`${prefix}/secrets?type=SecretText`)));
  const references = [];
  results.forEach((result, i) => {
    if (result.status !== 'fulfilled') return;
    for (const secret of result.value.secrets ?? []) {
      if (secret.type && secret.type !== 'SecretText') continue;
      const reference = secret.reference ?? `${scopes[i][0]}${secret.identifier}`;
      if (!references.includes(reference)) references.push(reference);
    }
  });
  return references;
}
