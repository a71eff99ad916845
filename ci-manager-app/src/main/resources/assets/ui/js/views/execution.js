// Execution details: a header, a Pipeline tab (stages, steps, logs) and an Artifacts tab (images and
// their SLSA provenance). Polls every 2 s while the run is QUEUED or RUNNING and stops when it ends.
import { api, path } from '../api.js';
import { h, errorBox, loading, statusBadge, replaceChildren, announce, spinner } from '../dom.js';
import { durationBetween, formatDuration, formatTime, shortDigest } from '../format.js';
import { copyText, selectContents } from '../clipboard.js';
import { tabList, tabPanel } from '../tabs.js';
import { projectHash } from './context.js';
import { triggerText } from './pipeline.js';
import { openProvenanceDialog } from './provenance-dialog.js';
import { verificationCell } from './verification-cell.js';

const POLL_MS = 2000;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

export const key = (params) => params.executionId;

export function render(ctx) {
  const { executionId } = ctx.params;
  const base = `#/executions/${encodeURIComponent(executionId)}`;
  const state = {
    tab: ctx.params.tab ?? 'pipeline',
    stageFilter: ctx.query.get('stage') ?? '',
    execution: null,
    artifacts: null,
    artifactsError: null,
    pollError: null,
    logs: new Map(), // "stage/step" -> {text, error}; present = expanded
    rowMessages: new Map(), // artifact id -> {kind, text}
    busy: new Set(), // artifact ids with a retry in flight
    renderedSignature: null,
    headerSignature: null,
  };
  let timer = null;
  ctx.onDispose(() => clearTimeout(timer));

  const header = h('header', { class: 'card exec-header', testid: 'execution-header' }, loading('Loading execution…'));
  const tabs = tabList('Execution sections', [
    { id: 'pipeline', label: 'Pipeline', href: `${base}/pipeline` },
    { id: 'artifacts', label: 'Artifacts', href: `${base}/artifacts` },
  ], state.tab, 'execution-tabs');
  const panelSlot = h('div', { class: 'panel-slot' });
  const page = h('section', { class: 'page', testid: 'execution-page', dataset: { executionId } }, header, tabs, panelSlot);
  ctx.main.append(page);

  const tick = async () => {
    clearTimeout(timer);
    try {
      const execution = await api.get(path`/executions/${executionId}`);
      if (!ctx.isCurrent()) return;
      state.execution = execution;
      state.pollError = null;
      await Promise.all([
        state.tab === 'artifacts' || state.artifacts ? loadArtifacts() : null,
        ...[...state.logs.keys()].map((k) => loadLogs(k)),
      ]);
    } catch (error) {
      if (!ctx.isCurrent()) return;
      state.pollError = error;
    }
    if (!ctx.isCurrent()) return;
    renderAll();
    const active = !state.execution || ACTIVE.has(state.execution.status);
    const gone = state.pollError && [401, 403, 404].includes(state.pollError.status);
    if (active && !gone) timer = setTimeout(tick, POLL_MS);
  };

  async function loadArtifacts() {
    try {
      const { artifacts } = await api.get(path`/executions/${executionId}/artifacts`);
      state.artifacts = artifacts;
      state.artifactsError = null;
    } catch (error) {
      state.artifactsError = error;
    }
  }

  async function loadLogs(logKey) {
    const [stage, step] = logKey.split('/');
    try {
      const text = await api.text(path`/executions/${executionId}/stages/${stage}/steps/${step}/logs`);
      state.logs.set(logKey, { text, error: null });
    } catch (error) {
      state.logs.set(logKey, { text: null, error });
    }
  }

  function renderAll(force = false) {
    renderHeader();
    const signature = JSON.stringify([state.tab, state.stageFilter, state.execution, state.artifacts,
      state.artifactsError?.message, [...state.logs], [...state.rowMessages], [...state.busy]]);
    if (!force && signature === state.renderedSignature) return;
    state.renderedSignature = signature;
    const focusKey = document.activeElement?.dataset?.focusKey;
    const scrolls = new Map([...panelSlot.querySelectorAll('[data-scroll-key]')].map((el) => [el.dataset.scrollKey, el]));
    const panel = tabPanel(state.tab);
    if (!state.execution) panel.append(state.pollError ? '' : loading()); // the header shows the error
    else if (state.tab === 'pipeline') panel.append(pipelinePanel());
    else panel.append(artifactsPanel());
    panelSlot.replaceChildren(panel);
    for (const el of panel.querySelectorAll('[data-scroll-key]')) {
      const old = scrolls.get(el.dataset.scrollKey);
      const atBottom = old && old.scrollTop + old.clientHeight >= old.scrollHeight - 4;
      el.scrollTop = !old || atBottom ? el.scrollHeight : old.scrollTop;
    }
    if (focusKey) panel.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  function renderHeader() {
    const e = state.execution;
    if (!e) {
      if (state.pollError) replaceChildren(header, errorBox(state.pollError, 'execution-error'));
      return;
    }
    page.dataset.status = e.status;
    // Rebuild only when something but the clock changed, so focus and the spinner survive each poll.
    const { stages, ...summary } = e;
    const headerSignature = JSON.stringify([summary, state.pollError?.message]);
    if (headerSignature === state.headerSignature) {
      header.querySelector('[data-testid="execution-duration"]').textContent = formatDuration(durationBetween(e.startedAt, e.endedAt));
      return;
    }
    state.headerSignature = headerSignature;
    const pipelineHash = `${projectHash(e.orgIdentifier, e.projectIdentifier)}/pipelines/${encodeURIComponent(e.pipelineIdentifier)}`;
    ctx.setCrumbs([
      { label: e.orgIdentifier },
      { label: e.projectIdentifier, href: projectHash(e.orgIdentifier, e.projectIdentifier) },
      { label: e.pipelineIdentifier, href: `${pipelineHash}/executions` },
      { label: `#${e.sequenceId}` },
    ]);
    const active = ACTIVE.has(e.status);
    const meta = (label, value, testid) => h('div', null, h('dt', null, label), h('dd', { testid }, value));
    replaceChildren(header,
      h('div', { class: 'exec-title' },
        h('h1', { testid: 'execution-title' },
          h('a', { href: `${pipelineHash}/executions`, testid: 'execution-pipeline' }, e.pipelineIdentifier), ' ',
          h('span', { class: 'muted', testid: 'execution-sequence' }, `#${e.sequenceId}`)),
        statusBadge(e.status, 'execution-status'),
        h('span', { class: `live ${active ? '' : 'invisible'}`, testid: 'live-indicator', 'aria-hidden': String(!active) },
          spinner('Refreshing'), ' Refreshing every 2 s')),
      h('dl', { class: 'meta' },
        meta('Trigger', triggerText(e.trigger), 'execution-trigger'),
        meta('Started', h('time', { datetime: e.startedAt ?? '' }, formatTime(e.startedAt)), 'execution-started'),
        meta('Ended', active ? '—' : h('time', { datetime: e.endedAt ?? '' }, formatTime(e.endedAt)), 'execution-ended'),
        meta('Duration', formatDuration(durationBetween(e.startedAt, e.endedAt)), 'execution-duration')),
      h('div', { class: 'reserved-slim', testid: 'poll-error-slot' },
        state.pollError ? h('p', { class: 'alert alert-warn', role: 'status', testid: 'poll-error' },
          `Could not refresh: ${state.pollError.message}`) : null));
  }

  // ---- Pipeline tab ----------------------------------------------------------------------------

  function pipelinePanel() {
    const stages = state.execution.stages ?? [];
    if (!stages.length) return h('p', { class: 'empty', testid: 'no-stages' }, 'No stages have started yet.');
    return h('div', { class: 'stages' }, stages.map((stage) => {
      const steps = stage.steps ?? [];
      const started = stage.startedAt ?? steps.map((s) => s.startedAt).filter(Boolean).sort()[0];
      const allEnded = steps.length && steps.every((s) => s.endedAt);
      const ended = stage.endedAt ?? (allEnded && !ACTIVE.has(stage.status) ? steps.map((s) => s.endedAt).sort().at(-1) : null);
      return h('section', { class: 'card stage', testid: 'stage', dataset: { stage: stage.identifier, status: stage.status } },
        h('div', { class: 'stage-head' },
          h('h2', null, stage.identifier),
          statusBadge(stage.status, 'stage-status'),
          h('span', { class: 'muted', testid: 'stage-duration' }, started ? formatDuration(durationBetween(started, ended)) : '')),
        stage.failureMessage ? h('p', { class: 'alert alert-error', testid: 'stage-failure' }, stage.failureMessage) : null,
        steps.length ? stepsTable(stage, steps) : h('p', { class: 'muted' }, 'No steps yet.'));
    }));
  }

  function stepsTable(stage, steps) {
    return h('table', { class: 'table stack steps', testid: 'steps-table' },
      h('thead', null, h('tr', null, ['Step', 'Type', 'Status', 'Duration', 'Logs']
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, steps.flatMap((step) => {
        const logKey = `${stage.identifier}/${step.identifier}`;
        const logs = state.logs.get(logKey);
        const logsId = `logs-${stage.identifier}-${step.identifier}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const rows = [h('tr', { testid: 'step-row', dataset: { step: step.identifier, status: step.status } },
          h('td', { 'data-label': 'Step' }, step.identifier),
          h('td', { 'data-label': 'Type', class: 'muted' }, step.type),
          h('td', { 'data-label': 'Status' }, statusBadge(step.status, 'step-status')),
          h('td', { 'data-label': 'Duration', testid: 'step-duration' },
            step.startedAt ? formatDuration(durationBetween(step.startedAt, step.endedAt)) : '—'),
          h('td', { 'data-label': 'Logs' }, h('button', {
            type: 'button', class: 'btn btn-small', testid: 'step-logs-toggle',
            'aria-expanded': String(Boolean(logs)), 'aria-controls': logsId,
            dataset: { focusKey: `logs:${logKey}` },
            onclick: () => toggleLogs(logKey),
          }, logs ? 'Hide logs' : 'Show logs')))];
        if (step.failureMessage) {
          rows.push(h('tr', { class: 'subrow' }, h('td', { colspan: '5' },
            h('p', { class: 'alert alert-error', testid: 'step-failure' }, step.failureMessage))));
        }
        if (logs) {
          rows.push(h('tr', { class: 'subrow' }, h('td', { colspan: '5', id: logsId },
            logs.error ? errorBox(logs.error, 'step-logs-error')
              : logs.text === undefined ? loading('Loading logs…')
                : h('pre', { class: 'code logs', testid: 'step-logs', tabindex: '0', dataset: { scrollKey: logKey }, 'aria-label': `Logs of ${step.identifier}` },
                  logs.text || '(no output)'))));
        }
        return rows;
      })));
  }

  async function toggleLogs(logKey) {
    if (state.logs.has(logKey)) {
      state.logs.delete(logKey);
      renderAll();
      return;
    }
    state.logs.set(logKey, { text: undefined, error: null });
    renderAll();
    await loadLogs(logKey);
    if (ctx.isCurrent() && state.logs.has(logKey)) renderAll();
  }

  // ---- Artifacts tab ---------------------------------------------------------------------------

  function artifactsPanel() {
    if (state.artifactsError && !state.artifacts) return errorBox(state.artifactsError, 'artifacts-error');
    if (!state.artifacts) return loading('Loading artifacts…');
    const stages = [...new Set(state.artifacts.map((a) => a.stageIdentifier))];
    const shown = state.artifacts.filter((a) => !state.stageFilter || a.stageIdentifier === state.stageFilter);
    const filter = stages.length > 1 || state.stageFilter ? h('div', { class: 'field inline-field' },
      h('label', { for: 'stage-filter' }, 'Stage'),
      h('select', {
        id: 'stage-filter', testid: 'stage-filter', dataset: { focusKey: 'stage-filter' },
        onchange: (event) => {
          const stage = event.target.value;
          history.replaceState(null, '', `${base}/artifacts${stage ? `?stage=${encodeURIComponent(stage)}` : ''}`);
          state.stageFilter = stage;
          renderAll();
        },
      }, h('option', { value: '' }, 'All stages'),
      stages.map((s) => h('option', { value: s, selected: s === state.stageFilter }, s)))) : null;
    const active = ACTIVE.has(state.execution.status);
    return h('div', { class: 'artifacts' },
      filter,
      state.artifactsError ? h('p', { class: 'alert alert-warn', testid: 'artifacts-refresh-error' }, `Could not refresh: ${state.artifactsError.message}`) : null,
      shown.length ? artifactsTable(shown) : h('p', { class: 'empty', testid: 'no-artifacts' },
        active ? 'No artifacts yet. Images appear here as Build and Push steps finish.' : 'This run pushed no images.'));
  }

  function artifactsTable(artifacts) {
    return h('table', { class: 'table stack artifacts-table', testid: 'artifacts-table' },
      h('thead', null, h('tr', null, ['Image', 'Tags', 'Digest', 'SLSA Provenance', 'SLSA Verification']
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, artifacts.map((a) => h('tr', {
        testid: 'artifact-row',
        dataset: { artifactId: a.id, stage: a.stageIdentifier, step: a.stepIdentifier, provenanceStatus: a.provenance?.status ?? 'NONE', verificationStatus: a.verification?.status ?? 'NONE' },
      },
      h('td', { 'data-label': 'Image' },
        h('div', { class: 'mono wrap', testid: 'artifact-image' }, a.image),
        h('div', { class: 'muted small' }, `${a.stageIdentifier} › ${a.stepIdentifier}`)),
      h('td', { 'data-label': 'Tags', testid: 'artifact-tags' },
        (a.tags ?? []).map((t) => h('span', { class: 'tag', testid: 'artifact-tag' }, t))),
      h('td', { 'data-label': 'Digest' }, digestCell(a)),
      h('td', { 'data-label': 'SLSA Provenance', testid: 'provenance-cell' }, provenanceCell(a)),
      h('td', { 'data-label': 'SLSA Verification', testid: 'verification-cell' }, verificationCell(a))))));
  }

  function digestCell(a) {
    const code = h('code', { class: 'digest', testid: 'artifact-digest', title: a.digest, dataset: { digest: a.digest } }, shortDigest(a.digest));
    const copy = h('button', {
      type: 'button', class: 'btn btn-small btn-copy', testid: 'copy-digest', dataset: { focusKey: `copy:${a.id}` },
      'aria-label': `Copy digest ${a.digest}`,
      onclick: async () => {
        const copied = await copyText(a.digest);
        if (copied) {
          announce('Digest copied');
          copy.textContent = 'Copied';
          setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
        } else {
          code.textContent = a.digest;
          selectContents(code);
          announce('Copying failed: the digest is selected, press Ctrl+C');
          copy.textContent = 'Ctrl+C';
        }
      },
    }, 'Copy');
    return h('div', { class: 'digest-cell' }, code, copy);
  }

  function provenanceCell(a) {
    const p = a.provenance;
    const message = state.rowMessages.get(a.id);
    const note = h('div', { class: 'row-message', testid: 'artifact-message' },
      message ? h('span', { class: message.kind === 'error' ? 'field-error' : 'muted' }, message.text) : null);
    if (!p && a.verification?.stepIdentifier === a.stepIdentifier) {
      return h('p', { class: 'muted', testid: 'provenance-not-built' }, 'Verified here, not built by this run');
    }
    if (!p) {
      return h('div', { class: 'provenance' },
        h('p', { class: 'muted', testid: 'provenance-not-enabled' }, 'SLSA provenance not enabled for this stage'));
    }
    const files = `${a.stageIdentifier}_${a.stepIdentifier}`;
    const downloadProvenance = () => download(a, 'provenance', `slsa_provenance_${files}.json`);
    const actions = [];
    if (p.status !== 'FAILED') {
      actions.push(
        h('button', {
          type: 'button', class: 'btn btn-small', testid: 'view-provenance', dataset: { focusKey: `view:${a.id}` },
          onclick: () => openProvenanceDialog(executionId, a, downloadProvenance),
        }, 'View'),
        h('button', {
          type: 'button', class: 'btn btn-small', testid: 'download-provenance', dataset: { focusKey: `dlp:${a.id}` },
          onclick: downloadProvenance,
        }, 'Download provenance'),
        h('button', {
          type: 'button', class: 'btn btn-small', testid: 'download-attestation', dataset: { focusKey: `dla:${a.id}` },
          onclick: () => download(a, 'attestation', `slsa_attestation_${files}.json`),
        }, 'Download attestation'));
    }
    if (p.status === 'PUSH_FAILED') {
      const busy = state.busy.has(a.id);
      actions.unshift(h('button', {
        type: 'button', class: 'btn btn-small btn-primary', testid: 'retry-push', dataset: { focusKey: `retry:${a.id}` },
        disabled: busy, 'aria-busy': String(busy), onclick: () => retryPush(a),
      }, busy ? 'Retrying…' : 'Retry'));
    }
    return h('div', { class: 'provenance' },
      h('div', { class: 'provenance-line' }, statusBadge(p.status, 'provenance-status'),
        p.predicateType ? h('span', { class: 'muted small' }, 'SLSA v1') : null),
      p.status === 'PUSHED' || p.attestationRef
        ? h('div', { class: 'mono wrap small', testid: 'attestation-ref', title: 'Attestation reference' }, p.attestationRef ?? '')
        : null,
      p.status === 'PUSH_FAILED' ? h('p', { class: 'failure', testid: 'provenance-failure' }, `Push failed: ${p.failureMessage ?? 'no reason recorded'}`) : null,
      p.status === 'FAILED' ? h('p', { class: 'failure', testid: 'provenance-failure' }, `Failed: ${p.failureMessage ?? 'no reason recorded'}`) : null,
      actions.length ? h('div', { class: 'row-actions' }, actions) : null,
      note);
  }

  async function download(a, kind, fallbackName) {
    try {
      const name = await api.download(path`/executions/${executionId}/artifacts/${a.id}/${kind}`, fallbackName);
      state.rowMessages.set(a.id, { kind: 'info', text: `Downloaded ${name}` });
    } catch (error) {
      state.rowMessages.set(a.id, { kind: 'error', text: `Download failed: ${error.message}` });
    }
    if (ctx.isCurrent()) renderAll();
  }

  async function retryPush(a) {
    state.busy.add(a.id);
    state.rowMessages.delete(a.id);
    renderAll();
    try {
      const updated = await api.post(path`/executions/${executionId}/artifacts/${a.id}/provenance/push`);
      state.artifacts = state.artifacts.map((x) => (x.id === a.id ? { ...x, ...updated } : x));
      state.rowMessages.set(a.id, { kind: 'info', text: updated.provenance?.status === 'PUSHED' ? 'Attestation pushed.' : 'Retried.' });
      announce('Attestation push retried');
    } catch (error) {
      state.rowMessages.set(a.id, { kind: 'error', text: error.message });
      await loadArtifacts();
    }
    state.busy.delete(a.id);
    if (!ctx.isCurrent()) return;
    renderAll();
    // Keep keyboard focus in the row after the Retry button disappears.
    const row = panelSlot.querySelector(`[data-artifact-id="${CSS.escape(a.id)}"]`);
    if (row && !row.contains(document.activeElement)) {
      (row.querySelector('[data-testid=provenance-cell] button') ?? row.querySelector('button'))?.focus();
    }
  }

  tick();
  return {
    update(params, query) {
      state.tab = params.tab ?? 'pipeline';
      state.stageFilter = query.get('stage') ?? '';
      tabs.select(state.tab);
      if (state.tab === 'artifacts' && !state.artifacts) {
        renderAll();
        loadArtifacts().then(() => { if (ctx.isCurrent()) renderAll(); });
      } else {
        renderAll();
      }
    },
  };
}
