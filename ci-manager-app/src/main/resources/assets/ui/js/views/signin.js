import { api, session } from '../api.js';
import { h, errorBox, spinner, replaceChildren } from '../dom.js';

export function render(ctx) {
  const notice = sessionStorage.getItem('ci-manager.signinMessage');
  sessionStorage.removeItem('ci-manager.signinMessage');
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, testid: 'token-input', 'aria-describedby': 'token-help',
  });
  const feedback = h('div', { class: 'reserved', testid: 'signin-feedback' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'signin-submit' }, 'Sign in');
  const form = h('form', { class: 'card signin', testid: 'signin-form', novalidate: true },
    h('h1', null, 'Sign in'),
    notice ? h('p', { class: 'alert alert-info', testid: 'signin-notice' }, notice) : null,
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', class: 'muted small' },
      'The token stays in this browser tab only and is sent in the Authorization header.'),
    feedback,
    h('div', { class: 'actions' }, button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      replaceChildren(feedback, h('p', { class: 'field-error', testid: 'signin-error' }, 'API token is required'));
      input.focus();
      return;
    }
    button.disabled = true;
    replaceChildren(feedback, spinner('Checking the token'));
    try {
      const profile = await api.me(token);
      session.signIn(token);
      ctx.afterSignIn(profile);
    } catch (error) {
      button.disabled = false;
      const message = error.status === 401 ? 'That token was not accepted. Check it and try again.' : error.message;
      replaceChildren(feedback, errorBox({ ...error, message }, 'signin-error'));
      input.select();
    }
  });

  ctx.main.append(h('section', { class: 'page page-narrow', testid: 'signin-page' }, form));
  input.focus();
}
