// Create/edit a DockerRegistry or Git connector (anonymous, or username + a text secret picked or created
// in place) and test its connection. Used by the Connectors page and the new-pipeline form.
import { api } from '../api.js';
import { h, replaceChildren, uniqueId, spinner, errorBox } from '../dom.js';
import { openFormDialog, textField, nameAndIdentifier } from '../form-dialog.js';
import { scopePrefix } from '../identifiers.js';
import { secretSelect } from './secret-picker.js';

/** @returns the saved connector, or null when cancelled. `type` fixes the type of a new connector. */
export function openConnectorDialog(scope, { existing = null, type = null } = {}) {
  const kind = existing?.type ?? type ?? 'DockerRegistry';
  const ids = nameAndIdentifier({ testidPrefix: 'connector', name: existing?.name ?? '', identifier: existing?.identifier ?? '', lockIdentifier: !!existing });
  const typeId = uniqueId('ctype');
  const typeSelect = h('select', { id: typeId, testid: 'connector-type', disabled: !!existing || !!type },
    h('option', { value: 'DockerRegistry', selected: kind === 'DockerRegistry' }, 'Docker registry'),
    h('option', { value: 'Git', selected: kind === 'Git' }, 'Git repository'));
  const spec = existing?.spec ?? {};
  const url = textField('URL', { testid: 'connector-url', value: spec.dockerRegistryUrl ?? spec.url ?? '' });
  const auth = spec.auth ?? spec.authentication ?? { type: 'Anonymous' };
  const authId = uniqueId('auth');
  const authSelect = h('select', { id: authId, testid: 'connector-auth' },
    h('option', { value: 'Anonymous', selected: auth.type === 'Anonymous' }, 'Anonymous'),
    h('option', { value: 'UsernamePassword', selected: auth.type === 'UsernamePassword' }, 'Username and password or token'));
  const username = textField('Username', { testid: 'connector-username', value: auth.spec?.username ?? '' });
  const password = secretSelect(scope, { type: 'SecretText', label: 'Password or token secret', testid: 'connector-password', value: auth.spec?.passwordRef ?? auth.spec?.tokenRef ?? '' });
  const credentials = h('div', { class: 'stack-gap' }, username.field, password.field);
  const hint = h('p', { class: 'muted small', testid: 'connector-url-hint' });
  const sync = () => {
    credentials.hidden = authSelect.value !== 'UsernamePassword';
    hint.textContent = typeSelect.value === 'Git'
      ? 'The repository URL: https://… or file://…' : 'The registry URL, e.g. https://registry.example.com or http://127.0.0.1:5000';
  };
  authSelect.addEventListener('change', sync);
  typeSelect.addEventListener('change', sync);
  sync();
  const body = [ids.fields, h('div', { class: 'field' }, h('label', { for: typeId }, 'Type'), typeSelect),
    url.field, hint, h('div', { class: 'field' }, h('label', { for: authId }, 'Authentication'), authSelect), credentials];
  const base = `${scopePrefix(scope)}/connectors`;
  return openFormDialog({
    title: existing ? `Edit ${existing.name}` : 'New connector',
    testid: 'connector-dialog',
    body,
    submitLabel: existing ? 'Save' : 'Create connector',
    onSubmit: () => {
      const authBody = authSelect.value === 'UsernamePassword'
        ? { type: 'UsernamePassword', spec: { username: username.input.value.trim(), passwordRef: password.select.value } }
        : { type: 'Anonymous' };
      const git = typeSelect.value === 'Git';
      const body = {
        identifier: existing?.identifier ?? ids.identifier.value.trim(),
        name: ids.name.value.trim(),
        type: typeSelect.value,
        spec: git ? { url: url.input.value.trim(), connectionType: 'Repo', authentication: authBody }
          : { dockerRegistryUrl: url.input.value.trim(), providerType: spec.providerType ?? 'Other', auth: authBody },
      };
      return existing ? api.put(`${base}/${encodeURIComponent(existing.identifier)}`, body) : api.post(base, body);
    },
  });
}

/** A "Test connection" button with its one-sentence answer beside it. */
export function testButton(scope, connector) {
  const result = h('span', { class: 'test-result', testid: 'connector-test-result', 'aria-live': 'polite' });
  const button = h('button', {
    type: 'button', class: 'btn btn-small', testid: 'test-connector', 'aria-label': `Test connection of ${connector.name}`,
    onclick: async () => {
      button.disabled = true;
      replaceChildren(result, spinner('Testing'), ' Testing…');
      try {
        const answer = await api.post(`${scopePrefix(scope)}/connectors/${encodeURIComponent(connector.identifier)}/test`, {});
        result.dataset.ok = String(answer.ok);
        replaceChildren(result, h('span', { class: answer.ok ? 'ok' : 'failure' }, answer.ok ? '✓ ' : '✗ ', answer.message));
      } catch (error) {
        replaceChildren(result, errorBox(error, 'connector-test-error'));
      } finally {
        button.disabled = false;
      }
    },
  }, 'Test connection');
  return { button, result };
}
