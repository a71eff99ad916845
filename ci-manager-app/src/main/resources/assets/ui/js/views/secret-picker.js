// A native select of the secrets a project can reach (project, org, account), with "+ New secret"
// that creates one in place and selects it.
import { api } from '../api.js';
import { h, uniqueId, replaceChildren } from '../dom.js';
import { scopePrefix } from '../identifiers.js';

/**
 * @param scope where references resolve from ({level, org, project}); new secrets are created there
 * @returns {field, select, reload}
 */
export function secretSelect(scope, { type, label, testid, value = '' }) {
  const id = uniqueId('secret');
  const select = h('select', { id, testid }, h('option', { value }, value || 'Loading…'));
  const addNew = h('button', {
    type: 'button', class: 'btn btn-small', testid: `${testid}-new`, 'aria-label': `+ New secret for ${label}`,
    onclick: async () => {
      const { openSecretDialog } = await import('./secret-dialogs.js');
      const created = await openSecretDialog(scope, { type });
      if (created) await reload(created.reference);
    },
  }, '+ New secret');
  const error = h('p', { class: 'field-error', id: `${id}-error`, testid: `${testid}-error` });
  select.setAttribute('aria-describedby', error.id);
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'picker-row' }, select, addNew), error);
  async function reload(selected = select.value || value) {
    const levels = scope.level === 'project' ? ['project', 'org', 'account'] : scope.level === 'org' ? ['org', 'account'] : ['account'];
    const lists = await Promise.all(levels.map((level) =>
      api.get(`${scopePrefix({ ...scope, level })}/secrets?type=${type}`).then((r) => r.secrets).catch(() => [])));
    const options = lists.flat().map((s) => ({ value: s.reference, label: `${s.name} (${s.reference})` }));
    replaceChildren(select, h('option', { value: '' }, options.length ? 'Choose a secret' : 'No secrets yet: create one'),
      options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)));
    if (selected && !options.some((o) => o.value === selected)) select.append(h('option', { value: selected, selected: true }, `${selected} (not found)`));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const ready = reload();
  return { field, select, reload, ready, setError: (m) => { error.textContent = m ?? ''; if (m) select.setAttribute('aria-invalid', 'true'); else select.removeAttribute('aria-invalid'); } };
}
