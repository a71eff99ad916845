// The provenance Statement, pretty-printed and highlighted, in a modal dialog.
import { api, path } from '../api.js';
import { h, errorBox, loading, announce } from '../dom.js';
import { highlightJson } from '../format.js';
import { copyText } from '../clipboard.js';

export function openProvenanceDialog(executionId, artifact, download) {
  const body = h('div', { class: 'dialog-scroll', testid: 'provenance-body' }, loading('Loading provenance…'));
  const close = h('button', { type: 'button', class: 'btn', testid: 'provenance-close', onclick: () => dialog.close() }, 'Close');
  let json = null;
  const copy = h('button', {
    type: 'button', class: 'btn', testid: 'provenance-copy', disabled: true,
    onclick: async () => announce(await copyText(json) ? 'Provenance copied' : 'Copy failed: select the text and press Ctrl+C'),
  }, 'Copy JSON');
  const save = h('button', { type: 'button', class: 'btn btn-primary', testid: 'provenance-download', onclick: () => download() }, 'Download provenance');
  const dialog = h('dialog', { class: 'dialog dialog-wide', testid: 'provenance-dialog', 'aria-labelledby': 'provenance-title' },
    h('div', { class: 'dialog-head' },
      h('h2', { id: 'provenance-title' }, 'SLSA Provenance'),
      h('p', { class: 'muted small mono wrap' }, `${artifact.image}@${artifact.digest}`)),
    body,
    h('div', { class: 'actions' }, copy, save, close));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();

  api.json(path`/executions/${executionId}/artifacts/${artifact.id}/provenance`, { accept: 'application/json, */*;q=0.1' }).then((statement) => {
    json = JSON.stringify(statement, null, 2);
    copy.disabled = false;
    const pre = h('pre', { class: 'code json', testid: 'provenance-json', tabindex: '0', 'aria-label': 'Provenance JSON' });
    pre.innerHTML = highlightJson(statement); // every token is HTML-escaped by highlightJson
    body.replaceChildren(pre);
  }, (error) => body.replaceChildren(errorBox(error, 'provenance-error')));
}
