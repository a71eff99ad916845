// A tiny element builder: h('button', {class: 'btn', testid: 'run', onclick}, 'Run').
const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'testid') el.dataset.testid = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A fresh text node after a tick, so screen readers announce a repeated message too.
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A labelled status pill; `data-status` carries the raw API value for tests. */
export function statusBadge(status, testid = 'status-badge') {
  const value = status ?? 'UNKNOWN';
  const label = value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
  return h('span', { class: `badge badge-${value.toLowerCase().replace(/_/g, '-')}`, testid, dataset: { status: value } }, label);
}

/** The API's error message in an alert box (reserved by the caller when layout must not jump). */
export function errorBox(error, testid = 'error') {
  return h('div', { class: 'alert alert-error', role: 'alert', testid },
    h('span', { testid: `${testid}-message` }, error.message),
    error.code ? h('span', { class: 'muted code-tag' }, ` (${error.code})`) : null,
    Array.isArray(error.problems) && error.problems.length
      ? h('ul', { class: 'problems', testid: `${testid}-problems` },
        error.problems.map((p) => h('li', null,
          p.path ? h('code', null, p.path) : null, p.path ? ': ' : null, p.message ?? JSON.stringify(p))))
      : null);
}

export function spinner(label = 'Loading') {
  return h('span', { class: 'spinner', role: 'status', testid: 'spinner' }, h('span', { class: 'sr-only' }, label));
}

export function loading(label = 'Loading…') {
  return h('div', { class: 'loading', testid: 'loading' }, spinner(label), ' ', label);
}
