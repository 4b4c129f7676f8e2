// The whole case on the claim page: the claim's facts, its stored documents, and an adjuster's next steps.
import { h, replace, humanize, formatDate, formatMoney, formatBytes, toast } from '../dom.js';
import * as api from '../api.js';

const ADJUSTER_KEY = 'durableclaims.adjuster';

/** The claim as submitted: claimant, policy, type, incident date, amount, description. */
export function renderFacts(claim) {
  const f = claim?.claim;
  if (!f) return h('p', { class: 'muted' }, 'The claim as submitted is not available.');
  const incident = f.incidentDate ? new Date(`${f.incidentDate}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
  return h('div', {},
    h('dl', { class: 'facts' },
      fact('Claimant', h('span', {}, f.claimantName, f.claimantEmail ? h('span', { class: 'small muted facts__sub' }, f.claimantEmail) : null), 'claimant'),
      fact('Policy', f.policyNumber, 'policy'),
      fact('Type', humanize(f.claimType), 'type'),
      fact('Incident', incident, 'incident'),
      fact('Amount', formatMoney(f.amount, f.currency), 'amount')),
    f.description ? h('p', { class: 'facts__description', id: 'fact-description' }, f.description) : null);
}

function fact(label, value, key) {
  return h('div', { class: 'facts__item', dataset: { fact: key } }, h('dt', {}, label), h('dd', {}, value ?? '—'));
}

/** Stored documents: type, name (a link that opens the file), size, when it was received. */
export function renderStoredDocuments(claim) {
  const stored = claim?.documents ?? [];
  if (!stored.length) return null;
  return h('ul', { class: 'doc-list', id: 'stored-documents' }, stored.map(d => h('li', { dataset: { type: d.type } },
    h('span', { class: 'doc-icon doc-icon--received', 'aria-hidden': 'true' }, '✓'),
    h('span', { class: 'doc-main' },
      h('a', { href: api.withKey(d.url), target: '_blank', rel: 'noopener', class: 'doc-link' }, d.filename),
      h('span', { class: 'small muted doc-meta' }, `${humanize(d.type)} · ${formatBytes(d.size)} · received ${formatDate(d.receivedAt)}`)))));
}

/** The agents' recommendation, amount and risk factors for a claim waiting for review. */
export function renderRecommendation(claim) {
  if (!claim) return null;
  const f = claim.claim;
  return h('div', { class: 'recommendation', id: 'review-summary' },
    h('p', {}, h('strong', {}, 'Recommendation: '),
      h('span', { id: 'review-recommended' }, claim.recommendation ? humanize(claim.recommendation) : 'none'),
      claim.riskScore != null ? ` · risk score ${Number(claim.riskScore).toFixed(2)}` : '',
      f ? ` · claimed ${formatMoney(f.amount, f.currency)}` : ''),
    claim.riskFactors?.length
      ? h('div', {}, h('h3', {}, 'Risk factors'), h('ul', { id: 'risk-factors' }, claim.riskFactors.map(r => h('li', {}, r))))
      : null);
}

const ACTION_LABELS = { remind: 'Send the customer a reminder now', reopen: 'Re-open: ask for documents again', retry: 'Retry the failed step', close: 'Close with this status' };

/** Next steps of a claim that waits for an adjuster (stalled, timed out, error) or for documents (a reminder): its cause and the actions it takes. */
export function createNextSteps(claimId, onDone) {
  let stored = '';
  try { stored = localStorage.getItem(ADJUSTER_KEY) || ''; } catch { /* storage disabled */ }
  const cause = h('p', { id: 'claim-cause', class: 'cause' });
  const adjuster = h('input', { id: 'action-adjuster', autocomplete: 'name', value: stored });
  const notes = h('input', { id: 'action-notes' });
  const buttons = h('div', { class: 'form-actions', id: 'next-step-actions' });
  const message = h('div', { role: 'alert' });
  const element = h('div', {},
    cause,
    h('div', { class: 'field' }, h('label', { for: 'action-adjuster' }, 'Adjuster'), adjuster),
    h('div', { class: 'field' }, h('label', { for: 'action-notes' }, 'Notes'), notes),
    buttons, message);

  async function run(action) {
    if (!adjuster.value.trim()) {
      replace(message, h('p', { class: 'field-error' }, 'Enter your name as the adjuster.'));
      adjuster.focus();
      return;
    }
    try { localStorage.setItem(ADJUSTER_KEY, adjuster.value.trim()); } catch { /* ignore */ }
    replace(message);
    try {
      const body = { adjuster: adjuster.value.trim(), notes: notes.value.trim() || null };
      await ({ remind: api.remindClaim, reopen: api.reopenClaim, retry: api.retryClaim, close: api.closeClaim })[action](claimId, body);
      toast(`${humanize(action)} sent`);
      onDone?.();
    } catch (error) {
      replace(message, h('p', { class: 'field-error' }, error.message));
    }
  }

  return {
    element,
    update(claim) {
      cause.textContent = claim?.detail || 'The claim waits for an adjuster.';
      const actions = (claim?.actions ?? []).filter(a => a in ACTION_LABELS);
      replace(buttons, actions.map(a => h('button', { type: 'button', class: 'btn', dataset: { action: a }, id: `action-${a}`, onclick: () => run(a) }, ACTION_LABELS[a])));
    },
  };
}

/** An adjuster's note on the timeline, for any claim, open or closed. */
export function createNoteForm(claimId, onDone) {
  const text = h('textarea', { id: 'note-text', rows: '2', maxlength: '4000' });
  const message = h('div', { role: 'alert' });
  const form = h('form', { id: 'note-form' },
    h('div', { class: 'field' }, h('label', { for: 'note-text' }, 'Add a note'), text),
    message,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn', id: 'note-add' }, 'Add note')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let author = '';
    try { author = localStorage.getItem(ADJUSTER_KEY) || ''; } catch { /* storage disabled */ }
    if (!text.value.trim()) { text.focus(); return; }
    try {
      await api.addNote(claimId, { author: author || 'adjuster', text: text.value.trim() });
      text.value = '';
      replace(message);
      toast('Note added');
      onDone?.();
    } catch (error) {
      replace(message, h('p', { class: 'field-error' }, error.message));
    }
  });
  return form;
}
