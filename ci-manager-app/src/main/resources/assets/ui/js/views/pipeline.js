// One pipeline: its executions, its Build stage settings and its YAML, as tabs.
import { api, path } from '../api.js';
import { h, errorBox, loading, statusBadge, replaceChildren, spinner, announce } from '../dom.js';
import { durationBetween, formatDuration, formatTime } from '../format.js';
import { tabList, tabPanel } from '../tabs.js';
import { projectHash, rememberProject } from './context.js';
import { openRunDialog } from './run-dialog.js';
import { renderStageSettings } from './stage-settings.js';
import { guardLeaving } from '../leave-guard.js';
import { triggersPanel } from './triggers.js';

const POLL_MS = 2000;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

export const key = (params) => `${params.org}/${params.project}/${params.pipeline}`;

export function render(ctx) {
  const { org, project, pipeline } = ctx.params;
  rememberProject(org, project);
  const base = `${projectHash(org, project)}/pipelines/${encodeURIComponent(pipeline)}`;
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }, { label: pipeline }]);
  const tabs = [
    { id: 'executions', label: 'Executions', href: `${base}/executions` },
    { id: 'settings', label: 'Build stage settings', href: `${base}/settings` },
    { id: 'yaml', label: 'Pipeline YAML', href: `${base}/yaml` },
    { id: 'triggers', label: 'Triggers', href: `${base}/triggers` },
  ];
  const list = tabList('Pipeline sections', tabs, ctx.params.tab ?? 'executions', 'pipeline-tabs');
  const panelSlot = h('div', { class: 'panel-slot' });
  ctx.main.append(h('section', { class: 'page', testid: 'pipeline-page', dataset: { pipeline } },
    h('div', { class: 'page-head' },
      h('h1', { testid: 'pipeline-title' }, pipeline),
      h('button', {
        type: 'button', class: 'btn btn-primary', testid: 'run-pipeline',
        onclick: () => openRunDialog(ctx, org, project, pipeline),
      }, 'Run pipeline')),
    list, panelSlot));

  const title = ctx.main.querySelector('[data-testid=pipeline-title]');
  const tabLabel = (tab) => tabs.find((t) => t.id === tab)?.label ?? '';
  let pipelineName = pipeline;
  const setTitle = (tab) => { document.title = `${tabLabel(tab)} · ${pipelineName} · CI Manager`; };
  api.get(path`/orgs/${org}/projects/${project}/pipelines`).then(({ pipelines }) => {
    const found = pipelines.find((p) => p.identifier === pipeline);
    if (!found || !ctx.isCurrent() || !found.name || found.name === pipeline) return;
    pipelineName = found.name;
    title.replaceChildren(found.name, h('span', { class: 'muted small' }, ` ${pipeline}`));
    setTitle(list.querySelector('[aria-selected=true]')?.id?.replace(/^tab-/, '') ?? 'executions');
  }).catch(() => {});

  let stopPanel = () => {};
  const show = (tab) => {
    stopPanel();
    list.select(tab);
    setTitle(tab);
    const panel = tabPanel(tab);
    panelSlot.replaceChildren(panel);
    const panelCtx = { ...ctx, isCurrent: () => ctx.isCurrent() && panelSlot.contains(panel) };
    stopPanel = { executions: executionsPanel, settings: renderStageSettings, yaml: yamlPanel, triggers: triggersPanel }[tab](panelCtx, panel) ?? (() => {});
  };
  ctx.onDispose(() => stopPanel());
  show(ctx.params.tab ?? 'executions');
  return { update: (params) => show(params.tab ?? 'executions') };
}

function executionsPanel(ctx, panel) {
  const { org, project, pipeline } = ctx.params;
  let timer = null;
  panel.append(loading('Loading executions…'));
  const load = async () => {
    try {
      const { executions } = await api.get(path`/orgs/${org}/projects/${project}/pipelines/${pipeline}/executions`);
      if (!ctx.isCurrent()) return;
      panel.replaceChildren(executions.length ? executionsTable(executions)
        : h('p', { class: 'empty', testid: 'no-executions' }, 'This pipeline has not run yet.'));
      if (executions.some((e) => ACTIVE.has(e.status))) timer = setTimeout(load, POLL_MS);
    } catch (error) {
      if (ctx.isCurrent()) panel.replaceChildren(errorBox(error, 'executions-error'));
    }
  };
  load();
  return () => clearTimeout(timer);
}

function executionsTable(executions) {
  return h('table', { class: 'table stack', testid: 'executions-table' },
    h('thead', null, h('tr', null, ['Run', 'Status', 'Trigger', 'Started', 'Duration']
      .map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', null, executions.map((e) => h('tr', { testid: 'execution-row', dataset: { executionId: e.executionId, status: e.status } },
      h('td', { 'data-label': 'Run' }, h('a', { href: `#/executions/${encodeURIComponent(e.executionId)}`, testid: 'execution-link' }, `#${e.sequenceId}`)),
      h('td', { 'data-label': 'Status' }, statusBadge(e.status)),
      h('td', { 'data-label': 'Trigger', testid: 'execution-trigger' }, triggerText(e.trigger)),
      h('td', { 'data-label': 'Started' }, formatTime(e.startedAt)),
      h('td', { 'data-label': 'Duration' }, formatDuration(durationBetween(e.startedAt, e.endedAt)))))));
}

export function triggerText(trigger) {
  if (!trigger) return '—';
  const type = trigger.type ? trigger.type.charAt(0) + trigger.type.slice(1).toLowerCase() : 'Unknown';
  const who = trigger.triggeredBy ? `${type} by ${trigger.triggeredBy}` : type;
  // what a webhook's event named: a pull request, a tag or a pushed branch
  const what = trigger.prNumber ? `PR #${trigger.prNumber}${trigger.branch ? ` from ${trigger.branch}` : ''}`
    : trigger.event && trigger.tag ? `${trigger.event} of tag ${trigger.tag}`
      : trigger.event && trigger.branch ? `${trigger.event} to ${trigger.branch}` : null;
  return what ? `${who} (${what})` : who;
}

function yamlPanel(ctx, panel) {
  const { org, project, pipeline } = ctx.params;
  const pipelinePath = path`/orgs/${org}/projects/${project}/pipelines/${pipeline}`;
  panel.append(loading('Loading YAML…'));
  api.getYaml(pipelinePath).then((yaml) => {
    if (!ctx.isCurrent()) return;
    let saved = yaml;
    const form = yamlForm(yaml, async (text) => {
      await api.putYaml(pipelinePath, text);
      saved = text;
      announce('Pipeline saved');
    });
    panel.replaceChildren(form);
    const area = form.querySelector('textarea');
    ctx.onDispose(guardLeaving(() => area.isConnected && area.value !== saved));
  }, (error) => {
    if (ctx.isCurrent()) panel.replaceChildren(errorBox(error, 'yaml-load-error'));
  });
}

/** A YAML textarea with Save; `save(text)` throws an ApiError whose message and problems are shown. */
export function yamlForm(yaml, save, extraFields = null) {
  const area = h('textarea', {
    id: 'pipeline-yaml', class: 'yaml-area', testid: 'yaml-textarea', spellcheck: 'false',
    autocapitalize: 'off', autocomplete: 'off', rows: '24', value: yaml, 'aria-describedby': 'pipeline-yaml-help',
  });
  const feedback = h('div', { class: 'reserved', testid: 'yaml-feedback', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'yaml-save' }, 'Save YAML');
  const form = h('form', { class: 'yaml-form', testid: 'yaml-form' },
    extraFields,
    h('label', { for: 'pipeline-yaml' }, 'Pipeline YAML'),
    h('p', { id: 'pipeline-yaml-help', class: 'muted small hint' }, 'Tab indents by two spaces; press Esc, then Tab, to leave the editor.'),
    area, feedback, h('div', { class: 'actions' }, button));
  // Tab inserts two spaces in the editor; Escape then Tab leaves it (keyboard users are not trapped).
  let escaped = false;
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { escaped = true; return; }
    if (event.key === 'Tab' && !event.shiftKey && !escaped) {
      event.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
    }
    escaped = false;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    replaceChildren(feedback, spinner('Saving'));
    try {
      await save(area.value);
      replaceChildren(feedback, h('p', { class: 'alert alert-success', testid: 'yaml-saved' }, 'Saved.'));
    } catch (error) {
      replaceChildren(feedback, errorBox(error, 'yaml-error'));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
