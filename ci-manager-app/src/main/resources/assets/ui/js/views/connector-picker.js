// A native select of the connectors of one type a project can reach, with "+ New connector" that
// creates one in place (at project scope) and selects it.
import { api } from '../api.js';
import { h, uniqueId, replaceChildren } from '../dom.js';
import { scopePrefix } from '../identifiers.js';

export function connectorSelect(scope, { type, label, testid, value = '' }) {
  const id = uniqueId('connector');
  const select = h('select', { id, testid }, h('option', { value }, value || 'Loading…'));
  const addNew = h('button', {
    type: 'button', class: 'btn btn-small', testid: `${testid}-new`, 'aria-label': `+ New connector for ${label}`,
    onclick: async () => {
      const { openConnectorDialog } = await import('./connector-dialogs.js');
      const created = await openConnectorDialog(scope, { type });
      if (created) await reload(created.reference);
    },
  }, '+ New connector');
  const error = h('p', { class: 'field-error', id: `${id}-error`, testid: `${testid}-error` });
  select.setAttribute('aria-describedby', error.id);
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'picker-row' }, select, addNew), error);
  async function reload(selected = select.value || value) {
    const levels = ['project', 'org', 'account'];
    const lists = await Promise.all(levels.map((level) =>
      api.get(`${scopePrefix({ ...scope, level })}/connectors`).then((r) => r.connectors).catch(() => [])));
    const options = lists.flat().filter((c) => c.type === type).map((c) => ({ value: c.reference, label: `${c.name} (${c.reference})` }));
    replaceChildren(select, h('option', { value: '' }, options.length ? 'Choose a connector' : 'No connectors yet: create one'),
      options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)));
    if (selected && !options.some((o) => o.value === selected)) select.append(h('option', { value: selected, selected: true }, `${selected} (not found)`));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const ready = reload();
  return { field, select, reload, ready, setError: (m) => { error.textContent = m ?? ''; if (m) select.setAttribute('aria-invalid', 'true'); else select.removeAttribute('aria-invalid'); } };
}
