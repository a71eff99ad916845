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
import { mergeLog, logQuery, logLines } from '../log-view.js';

const POLL_MS = 2000;
const statusText = (status) => status.charAt(0) + status.slice(1).toLowerCase();
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
    logs: new Map(), // "stage/step" -> {text, next, complete, error}; present = expanded
    autoOpened: new Set(), // steps whose logs opened by themselves once (closing them keeps them closed)
    logSearch: new Map(), // "stage/step" -> search text
    wrap: true,
    headerMessage: null,
    pipelineName: null, // from the project's pipeline list; the identifier until it is known
    endedAnnounced: false,
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
      const wasActive = state.execution && ACTIVE.has(state.execution.status);
      state.execution = execution;
      state.pollError = null;
      if (wasActive && !ACTIVE.has(execution.status)) announce(`Run #${execution.sequenceId} ended: ${statusText(execution.status)}`);
      autoOpenLogs(execution);
      if (state.pipelineName === null) loadPipelineName(execution);
      await Promise.all([
        state.tab === 'artifacts' || state.artifacts || !ACTIVE.has(execution.status) ? loadArtifacts() : null,
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

  async function loadPipelineName(e) {
    state.pipelineName = e.pipelineIdentifier;
    try {
      const { pipelines } = await api.get(path`/orgs/${e.orgIdentifier}/projects/${e.projectIdentifier}/pipelines`);
      const found = pipelines.find((p) => p.identifier === e.pipelineIdentifier);
      if (found?.name && ctx.isCurrent()) {
        state.pipelineName = found.name;
        state.headerSignature = null;
        renderHeader();
      }
    } catch {
      // the identifier stays
    }
  }

  function stepOf(logKey) {
    const [stage, step] = logKey.split('/');
    return state.execution?.stages?.find((x) => x.identifier === stage)?.steps?.find((x) => x.identifier === step);
  }

  function autoOpenLogs(execution) {
    for (const stage of execution.stages ?? []) {
      for (const step of stage.steps ?? []) {
        const logKey = `${stage.identifier}/${step.identifier}`;
        if ((step.status === 'RUNNING' || step.status === 'FAILED') && !state.autoOpened.has(logKey)) {
          state.autoOpened.add(logKey);
          if (!state.logs.has(logKey)) state.logs.set(logKey, { text: undefined, next: null, error: null });
        }
      }
    }
  }

  async function loadLogs(logKey) {
    const [stage, step] = logKey.split('/');
    const previous = state.logs.get(logKey);
    // a step that has not started has no output: never show an earlier run's or anything else
    if (stepOf(logKey)?.status === 'QUEUED') {
      state.logs.set(logKey, { text: '', next: null, error: null, waiting: true });
      return;
    }
    if (previous?.complete) return;
    try {
      const response = await api.response(
        `${path`/executions/${executionId}/stages/${stage}/steps/${step}/logs`}${logQuery(previous)}`, { accept: 'text/plain' });
      const text = await response.text();
      state.logs.set(logKey, { ...mergeLog(previous, text, response.headers.get('X-Next-Line'), response.headers.get('X-Log-Complete')), error: null });
    } catch (error) {
      state.logs.set(logKey, { ...(previous ?? {}), text: previous?.text ?? null, error });
    }
  }

  function renderAll(force = false) {
    renderHeader();
    const signature = JSON.stringify([state.tab, state.stageFilter, state.execution, state.artifacts,
      state.artifactsError?.message, [...state.logs], [...state.logSearch], state.wrap, [...state.rowMessages], [...state.busy]]);
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
    if (focusKey) {
      const target = panel.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      target?.focus({ preventScroll: true });
      // a rebuilt search box keeps the caret where typing continues
      if (target?.tagName === 'INPUT') target.setSelectionRange(target.value.length, target.value.length);
    }
  }

  function renderHeader() {
    const e = state.execution;
    if (!e) {
      if (state.pollError) {
        replaceChildren(header, errorBox(state.pollError, 'execution-error'));
        // nothing to show in the tabs of an execution that does not exist
        tabs.hidden = true;
        panelSlot.hidden = true;
        document.title = 'Execution not found · CI Manager';
      }
      return;
    }
    tabs.hidden = false;
    panelSlot.hidden = false;
    page.dataset.status = e.status;
    const pipelineName = state.pipelineName ?? e.pipelineIdentifier;
    document.title = `${pipelineName} #${e.sequenceId} · ${statusText(e.status)} · CI Manager`;
    // Rebuild only when something but the clock changed, so focus and the spinner survive each poll.
    const { stages, ...summary } = e;
    const headerSignature = JSON.stringify([summary, state.pollError?.message, state.headerMessage, failedStep(e)?.step?.identifier]);
    if (headerSignature === state.headerSignature) {
      header.querySelector('[data-testid="execution-duration"]').textContent = formatDuration(durationBetween(e.startedAt, e.endedAt));
      return;
    }
    state.headerSignature = headerSignature;
    const pipelineHash = `${projectHash(e.orgIdentifier, e.projectIdentifier)}/pipelines/${encodeURIComponent(e.pipelineIdentifier)}`;
    ctx.setCrumbs([
      { label: e.orgIdentifier },
      { label: e.projectIdentifier, href: projectHash(e.orgIdentifier, e.projectIdentifier) },
      { label: pipelineName, href: `${pipelineHash}/executions` },
      { label: `#${e.sequenceId}` },
    ]);
    const active = ACTIVE.has(e.status);
    const meta = (label, value, testid) => h('div', null, h('dt', null, label), h('dd', { testid }, value));
    replaceChildren(header,
      h('div', { class: 'exec-title' },
        h('h1', { testid: 'execution-title' },
          h('a', { href: `${pipelineHash}/executions`, testid: 'execution-pipeline', dataset: { pipeline: e.pipelineIdentifier } }, pipelineName), ' ',
          h('span', { class: 'muted', testid: 'execution-sequence' }, `#${e.sequenceId}`)),
        statusBadge(e.status, 'execution-status'),
        h('span', { class: `live ${active ? '' : 'invisible'}`, testid: 'live-indicator', 'aria-hidden': String(!active) },
          spinner('Refreshing'), ' Refreshing every 2 s')),
      h('dl', { class: 'meta' },
        meta('Trigger', triggerText(e.trigger), 'execution-trigger'),
        meta('Started', h('time', { datetime: e.startedAt ?? '' }, formatTime(e.startedAt)), 'execution-started'),
        meta('Ended', active ? '—' : h('time', { datetime: e.endedAt ?? '' }, formatTime(e.endedAt)), 'execution-ended'),
        meta('Duration', formatDuration(durationBetween(e.startedAt, e.endedAt)), 'execution-duration'),
        e.abortedBy ? meta('Aborted by', e.abortedBy, 'execution-aborted-by') : null,
        e.codebase?.repositoryUrl ? meta('Repository', h('span', { class: 'wrap' }, e.codebase.repositoryUrl), 'execution-repository') : null,
        e.codebase?.branch || e.branch ? meta('Branch', e.codebase?.branch ?? e.branch, 'execution-branch') : null,
        e.codebase?.tag ? meta('Tag', e.codebase.tag, 'execution-tag') : null,
        e.codebase?.commitSha ? meta('Commit', h('code', { title: e.codebase.commitSha, dataset: { sha: e.codebase.commitSha } }, e.codebase.commitSha.slice(0, 7)), 'execution-commit') : null),
      failureSummary(e),
      h('div', { class: 'row-actions' },
        active ? h('button', { type: 'button', class: 'btn btn-small', testid: 'abort-execution', onclick: abort }, 'Abort')
          : h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'rerun-execution', onclick: rerun }, 'Re-run'),
        h('span', { testid: 'execution-action-message', role: 'status' }, state.headerMessage ?? '')),
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
          h('h2', null, stage.name ?? stage.identifier,
            stage.name && stage.name !== stage.identifier ? h('span', { class: 'muted small' }, ` ${stage.identifier}`) : null),
          statusBadge(stage.status, 'stage-status'),
          h('span', { class: 'muted', testid: 'stage-duration' }, started ? formatDuration(durationBetween(started, ended)) : '')),
        stage.failureMessage && !steps.some((st) => st.failureMessage)
          ? h('p', { class: 'alert alert-error', testid: 'stage-failure' }, stage.failureMessage) : null,
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
          h('td', { 'data-label': 'Step' }, h('div', null, step.name ?? step.identifier),
            step.name && step.name !== step.identifier ? h('div', { class: 'muted small' }, step.identifier) : null),
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
          // a failed .att push re-pushed since (Artifacts tab): say so instead of the stale "push it again"
          const repushed = state.artifacts?.find((a) => a.stageIdentifier === stage.identifier
            && a.stepIdentifier === step.identifier && a.provenance?.status === 'PUSHED');
          rows.push(h('tr', { class: 'subrow' }, h('td', { colspan: '5' }, repushed && /^SLSA provenance: /.test(step.failureMessage)
            ? h('p', { class: 'alert alert-info', testid: 'step-failure', dataset: { resolved: 'true' } },
              `SLSA provenance: the attestation has since been pushed to ${repushed.provenance.attestationRef}; the push during this run had failed.`)
            : h('p', { class: 'alert alert-error', testid: 'step-failure' }, step.failureMessage))));
        }
        if (logs) {
          rows.push(h('tr', { class: 'subrow' }, h('td', { colspan: '5', id: logsId },
            logs.error && !logs.text ? errorBox(logs.error, 'step-logs-error')
              : logs.text === undefined ? loading('Loading logs…')
                : logView(logKey, step, logs))));
        }
        return rows;
      })));
  }

  function logView(logKey, step, logs) {
    const search = state.logSearch.get(logKey) ?? '';
    const lines = logLines(logs.text ?? '', search);
    const matches = lines.filter((l) => l.match).length;
    const label = step.name ?? step.identifier;
    const searchId = `search-${logKey}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const toolbar = h('div', { class: 'log-toolbar' },
      h('label', { for: searchId, class: 'sr-only' }, `Search the logs of ${label}`),
      h('input', {
        id: searchId, type: 'search', placeholder: 'Search logs', value: search, testid: 'log-search',
        dataset: { focusKey: `search:${logKey}` },
        oninput: (event) => { state.logSearch.set(logKey, event.target.value); renderAll(); },
      }),
      search ? h('span', { class: 'muted small', testid: 'log-matches' }, `${matches} matching line${matches === 1 ? '' : 's'}`) : null,
      h('button', {
        type: 'button', class: 'btn btn-small', testid: 'log-wrap', 'aria-pressed': String(state.wrap), dataset: { focusKey: `wrap:${logKey}` },
        onclick: () => { state.wrap = !state.wrap; renderAll(); },
      }, 'Wrap lines'),
      h('button', {
        type: 'button', class: 'btn btn-small', testid: 'log-download', dataset: { focusKey: `dl:${logKey}` },
        onclick: () => saveText(logs.text ?? '', `${logKey.replace('/', '_')}.log`),
      }, 'Download'));
    if (logs.waiting) return h('div', null, h('p', { class: 'muted', testid: 'step-logs-waiting' }, 'Waiting to start: no output yet.'));
    return h('div', { class: 'log-box' }, toolbar,
      h('pre', {
        class: `code logs ${state.wrap ? 'logs-wrap' : 'logs-nowrap'}`, testid: 'step-logs', tabindex: '0',
        dataset: { scrollKey: logKey }, 'aria-label': `Logs of ${label}`,
      }, lines.length ? lines.map((l) => h('span', { class: l.match ? 'log-line match' : 'log-line', dataset: { line: l.number } },
        h('span', { class: 'ln', 'aria-hidden': 'true' }, String(l.number)), l.line)) : '(no output)'));
  }

  function saveText(text, name) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function failedStep(e) {
    for (const stage of e.stages ?? []) {
      const step = (stage.steps ?? []).find((st) => st.status === 'FAILED' && st.failureMessage);
      if (step) return { stage, step };
    }
    return null;
  }

  /** The run's failure, said once: where it is shown in full (the step), or the execution's own reason. */
  function failureSummary(e) {
    if (e.status !== 'FAILED' && !e.failureMessage) return null;
    const at = failedStep(e);
    if (at) {
      return h('p', { class: 'alert alert-error', testid: 'execution-failure' },
        `Failed at step ${at.step.name ?? at.step.identifier} of stage ${at.stage.name ?? at.stage.identifier}: the reason is shown with the step below.`);
    }
    return e.failureMessage ? h('p', { class: 'alert alert-error', testid: 'execution-failure' }, e.failureMessage) : null;
  }

  async function rerun() {
    try {
      const started = await api.post(path`/executions/${executionId}/rerun`);
      ctx.navigate(`#/executions/${encodeURIComponent(started.executionId)}`);
    } catch (error) {
      state.headerMessage = `Re-run failed: ${error.message}`;
      renderHeader();
    }
  }

  async function abort() {
    try {
      await api.post(path`/executions/${executionId}/abort`);
      state.headerMessage = 'Abort requested.';
      announce('Abort requested');
    } catch (error) {
      state.headerMessage = `Abort failed: ${error.message}`;
    }
    renderHeader();
    tick();
  }

  async function toggleLogs(logKey) {
    if (state.logs.has(logKey)) {
      state.logs.delete(logKey);
      renderAll();
      return;
    }
    state.logs.set(logKey, { text: undefined, next: null, error: null });
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
        active ? 'No artifacts yet. Images appear here as Build and Push steps finish.' : noImageReason()));
  }

  function noImageReason() {
    const e = state.execution;
    const at = failedStep(e);
    if (e.status === 'FAILED' && at) {
      return `No image: the run failed at step ${at.step.name ?? at.step.identifier} of stage ${at.stage.name ?? at.stage.identifier} before pushing (${at.step.failureMessage}).`;
    }
    if (e.status === 'FAILED' || e.status === 'ABORTED') {
      return `No image: the run ${e.status === 'ABORTED' ? 'was aborted' : 'failed'} before pushing${e.failureMessage ? ` (${e.failureMessage})` : ''}.`;
    }
    return 'This run pushed no images.';
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
        ? h('div', { class: 'mono ref small', testid: 'attestation-ref', title: 'Attestation reference' }, breakable(p.attestationRef ?? ''))
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
      await loadArtifacts(); // what the server now says: a pushed .att no longer offers a re-push
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

  /** Line-break opportunities after '/' and ':' so a reference never wraps mid-word. */
  function breakable(text) {
    return text.split(/(?<=[/:])/).flatMap((part, i) => (i ? [h('wbr'), part] : [part]));
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
