// A modal form in a native <dialog>: labelled fields, Cancel and a submit button, the API's error inline.
// Resolves with what onSubmit returned, or null when cancelled (Esc, Cancel).
import { h, errorBox, replaceChildren, spinner, uniqueId } from './dom.js';
import { toIdentifier } from './identifiers.js';

export function openFormDialog({ title, testid, body, submitLabel, onSubmit, wide = false, submitClass = 'btn-primary' }) {
  return new Promise((resolve) => {
    const titleId = uniqueId('dialog-title');
    const feedback = h('div', { class: 'reserved', testid: `${testid}-feedback`, 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: `btn ${submitClass}`, testid: `${testid}-submit` }, submitLabel);
    const cancel = h('button', { type: 'button', class: 'btn', testid: `${testid}-cancel`, onclick: () => dialog.close() }, 'Cancel');
    const form = h('form', { method: 'dialog', class: 'dialog-body', novalidate: true },
      h('h2', { id: titleId }, title), body, feedback, h('div', { class: 'actions' }, cancel, submit));
    const dialog = h('dialog', { class: wide ? 'dialog dialog-wide' : 'dialog', testid, 'aria-labelledby': titleId }, form);
    let result = null;
    dialog.addEventListener('close', () => { dialog.remove(); resolve(result); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      replaceChildren(feedback, spinner('Saving'));
      try {
        result = await onSubmit({ feedback });
        if (result !== undefined) dialog.close();
        else replaceChildren(feedback);
      } catch (error) {
        replaceChildren(feedback, errorBox(error, `${testid}-error`));
      } finally {
        submit.disabled = false;
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    form.querySelector('input:not([type=hidden]):not([disabled]), select, textarea')?.focus();
  });
}

/** A labelled input: returns {field, input}. */
export function textField(label, { testid, value = '', type = 'text', hint, required = true, autocomplete = 'off' } = {}) {
  const id = uniqueId('f');
  const hintId = hint ? `${id}-hint` : null;
  const input = h('input', { id, type, testid, value, required, autocomplete, 'aria-describedby': hintId });
  const field = h('div', { class: 'field' },
    h('label', { for: id }, label, required ? null : h('span', { class: 'muted' }, ' (optional)')),
    input, hint ? h('p', { id: hintId, class: 'muted small' }, hint) : null);
  return { field, input };
}

/** A name field that fills the identifier field below it until the identifier is edited by hand. */
export function nameAndIdentifier({ testidPrefix, name = '', identifier = '', lockIdentifier = false }) {
  const nameF = textField('Name', { testid: `${testidPrefix}-name`, value: name });
  const idF = textField('Identifier', {
    testid: `${testidPrefix}-identifier`, value: identifier,
    hint: lockIdentifier ? 'Identifiers cannot be changed.' : 'Letters, digits and _; referenced from pipelines.',
  });
  idF.input.disabled = lockIdentifier;
  let edited = lockIdentifier || identifier !== '';
  idF.input.addEventListener('input', () => { edited = true; });
  nameF.input.addEventListener('input', () => {
    if (!edited) idF.input.value = toIdentifier(nameF.input.value);
  });
  return { fields: [nameF.field, idF.field], name: nameF.input, identifier: idF.input };
}
