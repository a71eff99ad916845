// The Artifacts tab's "SLSA Verification" column: the verdict of the SlsaVerification step that
// verified this image (status, signature check, failure) and each policy's result in a disclosure.
import { h, statusBadge } from '../dom.js';

/** The cell's content for artifact `a` (its `verification`, when a step verified it). */
export function verificationCell(a) {
  const v = a.verification;
  if (!v) {
    return h('p', { class: 'muted', testid: 'verification-none' }, 'Not verified');
  }
  const policies = v.policies ?? [];
  const denied = policies.filter((p) => p.status === 'DENY').length;
  return h('div', { class: 'verification', testid: 'verification', dataset: { status: v.status, signature: v.signature } },
    h('div', { class: 'provenance-line' }, statusBadge(v.status, 'verification-status'),
      v.stepIdentifier ? h('span', { class: 'muted small' }, `by ${v.stepIdentifier}`) : null),
    h('p', { class: 'small', testid: 'signature-verification' },
      `Attestation signature verification: ${v.signature === 'PASSED' ? 'passed' : 'failed'}`),
    v.failureMessage ? h('p', { class: 'failure', testid: 'verification-failure' }, v.failureMessage) : null,
    policies.length ? policyDetail(policies, denied) : null);
}

function policyDetail(policies, denied) {
  return h('details', { class: 'policy-detail', testid: 'policy-detail' },
    h('summary', null, `Policies: ${policies.length} evaluated, ${denied} denied`),
    policyTable(policies));
}

/** A captioned table of policy results (`policySet`, `identifier`, `status`, `severity`, `message`). */
export function policyTable(policies) {
  return h('table', { class: 'table policy-table', testid: 'policy-table' },
      h('caption', { class: 'sr-only' }, 'Policy results'),
      h('thead', null, h('tr', null, ['Policy set', 'Policy', 'Result', 'Severity', 'Message']
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, policies.map((p) => h('tr', {
        testid: 'policy-row',
        dataset: { policySet: p.policySet, policy: p.identifier, status: p.status, severity: p.severity },
      },
      h('td', { class: 'mono' }, p.policySet),
      h('td', { class: 'mono' }, p.identifier),
      h('td', { class: p.status === 'PASS' ? 'ok' : p.severity === 'warning' ? 'warn' : 'failure' },
        p.status === 'PASS' ? 'Pass' : 'Deny'),
      h('td', null, p.severity),
      h('td', null, p.message ?? '')))));
}
