// Create/update a secret (text, or file by upload with drag and drop), generate a Cosign key pair, and
// delete with a warning when something refers to it. Used by the Secrets page and by the pickers.
import { api, path } from '../api.js';
import { h, replaceChildren, uniqueId, errorBox, announce } from '../dom.js';
import { openFormDialog, textField, nameAndIdentifier } from '../form-dialog.js';
import { scopePrefix } from '../identifiers.js';

/**
 * @param scope {level, org, project}
 * @param existing the secret's metadata to update it, else null to create one
 * @param type 'SecretText' | 'SecretFile' (fixed when updating)
 * @returns the saved metadata, or null when cancelled
 */
export function openSecretDialog(scope, { existing = null, type = 'SecretText' } = {}) {
  const kind = existing?.type ?? type;
  const ids = nameAndIdentifier({ testidPrefix: 'secret', name: existing?.name ?? '', identifier: existing?.identifier ?? '', lockIdentifier: !!existing });
  const typeId = uniqueId('type');
  const typeSelect = h('select', { id: typeId, testid: 'secret-type', disabled: !!existing },
    h('option', { value: 'SecretText', selected: kind === 'SecretText' }, 'Text (a password or token)'),
    h('option', { value: 'SecretFile', selected: kind === 'SecretFile' }, 'File (e.g. a key file)'));
  const value = textField(existing ? 'New value' : 'Value', {
    testid: 'secret-value', type: 'password', autocomplete: 'new-password',
    hint: 'Stored encrypted; it is never shown again.',
  });
  const drop = fileDrop();
  const valueSlot = h('div', null);
  const showValue = () => replaceChildren(valueSlot, typeSelect.value === 'SecretFile' ? drop.field : value.field);
  typeSelect.addEventListener('change', showValue);
  showValue();
  const body = [ids.fields, h('div', { class: 'field' }, h('label', { for: typeId }, 'Type'), typeSelect), valueSlot];
  const base = `${scopePrefix(scope)}/secrets`;
  return openFormDialog({
    title: existing ? `Update ${existing.name}` : 'New secret',
    testid: 'secret-dialog',
    body,
    submitLabel: existing ? 'Save new version' : 'Create secret',
    onSubmit: async () => {
      const identifier = existing?.identifier ?? ids.identifier.value.trim();
      const name = ids.name.value.trim();
      if (typeSelect.value === 'SecretFile') {
        if (!drop.file()) throw new Error('Choose a file, or drop one on the box.');
        const form = new FormData();
        form.append('identifier', identifier);
        form.append('name', name);
        form.append('file', drop.file(), drop.file().name);
        return existing ? api.form(`${base}/${encodeURIComponent(identifier)}`, form, 'PUT') : api.form(`${base}/file`, form);
      }
      const json = { identifier, name, value: value.input.value };
      return existing ? api.put(`${base}/${encodeURIComponent(identifier)}`, json) : api.post(`${base}/text`, json);
    },
  });
}

/** A file input with a drop zone around it; the file is only held in the page until sent. */
function fileDrop() {
  const id = uniqueId('file');
  let chosen = null;
  const status = h('p', { class: 'muted small', testid: 'secret-file-name', 'aria-live': 'polite' }, 'No file chosen.');
  const input = h('input', { id, type: 'file', testid: 'secret-file' });
  const setFile = (file) => {
    chosen = file ?? null;
    status.textContent = chosen ? `${chosen.name} (${chosen.size} bytes)` : 'No file chosen.';
  };
  input.addEventListener('change', () => setFile(input.files[0]));
  const zone = h('div', { class: 'dropzone', testid: 'secret-dropzone' },
    h('label', { for: id }, 'File'), input, h('p', { class: 'muted small' }, 'or drop a file here'), status);
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    setFile(event.dataTransfer.files[0]);
  });
  return { field: zone, file: () => chosen };
}

/** Generates the key on the server and stores three secrets; offers cosign.pub for download. */
export async function openKeyPairDialog(scope) {
  const key = textField('Private key secret identifier', { testid: 'keypair-private', value: 'cosign_private_key' });
  const pub = textField('Public key secret identifier', { testid: 'keypair-public', value: 'cosign_public_key' });
  const pw = textField('Password secret identifier', { testid: 'keypair-password-id', value: 'cosign_password' });
  const generateId = uniqueId('gen');
  const typeId = uniqueId('typed');
  const generate = h('input', { type: 'radio', name: 'pw-mode', id: generateId, value: 'generate', checked: true, testid: 'keypair-generate' });
  const typed = h('input', { type: 'radio', name: 'pw-mode', id: typeId, value: 'type', testid: 'keypair-type' });
  const password = textField('Password', { testid: 'keypair-password', type: 'password', autocomplete: 'new-password' });
  password.field.hidden = true;
  const sync = () => { password.field.hidden = !typed.checked; };
  generate.addEventListener('change', sync);
  typed.addEventListener('change', sync);
  const body = [
    h('p', { class: 'muted' }, 'The server generates an ECDSA P-256 key pair as cosign generate-key-pair does, and stores the encrypted private key, the public key and the password as three secrets. The private key never leaves the server.'),
    key.field, pub.field, pw.field,
    h('fieldset', { class: 'radios' }, h('legend', null, 'Key password'),
      h('div', { class: 'inline-field' }, generate, h('label', { for: generateId }, 'Generate a random password')),
      h('div', { class: 'inline-field' }, typed, h('label', { for: typeId }, 'Type a password'))),
    password.field,
  ];
  const created = await openFormDialog({
    title: 'Generate Cosign key pair',
    testid: 'keypair-dialog',
    body,
    submitLabel: 'Generate',
    onSubmit: () => api.post(`${scopePrefix(scope)}/secrets/cosign-key-pair`, {
      privateKey: { identifier: key.input.value.trim(), name: 'Cosign private key' },
      publicKey: { identifier: pub.input.value.trim(), name: 'Cosign public key' },
      password: { identifier: pw.input.value.trim(), name: 'Cosign key password' },
      ...(typed.checked ? { passwordValue: password.input.value } : {}),
    }),
  });
  if (created) {
    announce('Key pair generated: three secrets created.');
    await showPublicKey(created);
  }
  return created;
}

function showPublicKey(created) {
  return new Promise((resolve) => {
    const download = () => {
      const url = URL.createObjectURL(new Blob([created.publicKeyPem], { type: 'application/x-pem-file' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: 'cosign.pub', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    };
    const titleId = uniqueId('title');
    const dialog = h('dialog', { class: 'dialog dialog-wide', testid: 'keypair-result', 'aria-labelledby': titleId },
      h('div', { class: 'dialog-body' },
        h('h2', { id: titleId }, 'Key pair created'),
        h('ul', { testid: 'keypair-secrets' },
          [created.privateKey, created.publicKey, created.password].map((s) =>
            h('li', null, h('strong', null, s.name), ' ', h('code', null, s.reference), ` (${s.type})`))),
        created.passwordGenerated ? h('p', { class: 'muted' }, 'The password was generated and stored; it is not shown.') : null,
        h('label', { for: `${titleId}-pem` }, 'Public key (verify attestations with it)'),
        h('textarea', { id: `${titleId}-pem`, class: 'code', rows: 5, readonly: true, testid: 'keypair-public-pem' }, created.publicKeyPem)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn', testid: 'keypair-download', onclick: download }, 'Download cosign.pub'),
        h('button', { type: 'button', class: 'btn btn-primary', testid: 'keypair-done', onclick: () => dialog.close() }, 'Done')));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(); });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-testid=keypair-download]').focus();
  });
}

/** Confirms a delete, listing what refers to the object first. `kind` is 'secrets' or 'connectors'. */
export async function confirmDelete(scope, kind, item) {
  const base = `${scopePrefix(scope)}/${kind}/${encodeURIComponent(item.identifier)}`;
  const usage = h('div', { testid: 'delete-usage' }, 'Checking where it is used…');
  const pending = api.get(`${base}/usage`).then((found) => {
    const uses = [...found.pipelines.map((p) => `pipeline ${p.name} (${p.orgIdentifier}/${p.projectIdentifier})`),
      ...found.connectors.map((c) => `connector ${c.name} (${c.reference})`)];
    replaceChildren(usage, uses.length
      ? h('div', { class: 'alert alert-warn', testid: 'delete-warning' },
        h('p', null, uses.length === 1
          ? 'Used by one pipeline or connector; deleting it makes that fail until it is created again:'
          : `Used by ${uses.length} pipelines or connectors; deleting it makes them fail until it is created again:`),
        h('ul', null, uses.map((u) => h('li', null, u))))
      : h('p', { class: 'muted', testid: 'delete-unused' }, 'Nothing refers to it.'));
  }).catch((error) => replaceChildren(usage, errorBox(error, 'usage-error')));
  const done = await openFormDialog({
    title: `Delete ${item.name}?`,
    testid: 'delete-dialog',
    body: [usage],
    submitLabel: 'Delete',
    submitClass: 'btn-danger',
    onSubmit: async () => { await pending; await api.del(base); return true; },
  });
  return !!done;
}
