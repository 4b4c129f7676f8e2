// Adjuster review: approve or deny a claim that waits for review, with notes.
import { h, replace, toast } from '../dom.js';
import { renderRecommendation } from './case.js';
import { reviewClaim } from '../api.js';

const ADJUSTER_KEY = 'durableclaims.adjuster';

/** Whether a claim status says it waits for an adjuster. */
export function awaitsReview(claim) {
  if (!claim || claim.status !== 'paused') return false;
  return claim.awaiting === 'review' || claim.reason === 'awaiting_review' || claim.phase === 'review';
}

export function createReviewPanel(claimId, onDone) {
  let stored = '';
  try { stored = localStorage.getItem(ADJUSTER_KEY) || ''; } catch { /* storage disabled */ }
  const adjuster = h('input', { id: 'review-adjuster', name: 'adjuster', required: true, autocomplete: 'name', value: stored });
  const notes = h('textarea', { id: 'review-notes', name: 'notes', rows: '4', 'aria-describedby': 'review-notes-hint' });
  const recommendation = h('div', { class: 'small', id: 'review-recommendation' });
  const message = h('div', { role: 'alert' });
  const approve = h('button', { type: 'submit', class: 'btn btn--success', value: 'approve', id: 'review-approve' }, 'Approve');
  const deny = h('button', { type: 'submit', class: 'btn btn--danger-solid', value: 'deny', id: 'review-deny' }, 'Deny');
  const form = h('form', { id: 'review-form', 'aria-labelledby': 'review-title' },
    recommendation,
    h('div', { class: 'field' }, h('label', { for: 'review-adjuster' }, 'Adjuster'), adjuster),
    h('div', { class: 'field' }, h('label', { for: 'review-notes' }, 'Notes'),
      h('span', { class: 'hint', id: 'review-notes-hint' }, 'Quoted in the decision package.'), notes),
    message,
    h('div', { class: 'form-actions' }, approve, deny));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const decision = e.submitter?.value === 'deny' ? 'deny' : 'approve';
    if (!adjuster.value.trim()) {
      adjuster.setAttribute('aria-invalid', 'true');
      replace(message, h('p', { class: 'field-error' }, 'Enter your name as the adjuster.'));
      adjuster.focus();
      return;
    }
    adjuster.removeAttribute('aria-invalid');
    replace(message);
    approve.disabled = deny.disabled = true;
    try {
      try { localStorage.setItem(ADJUSTER_KEY, adjuster.value.trim()); } catch { /* ignore */ }
      await reviewClaim(claimId, { decision, adjuster: adjuster.value.trim(), notes: notes.value.trim() || null });
      toast(decision === 'approve' ? 'Approval sent' : 'Denial sent');
      notes.value = '';
      onDone?.();
    } catch (error) {
      replace(message, h('p', { class: 'field-error' }, error.status === 409 ? 'This claim no longer waits for a review.' : error.message));
    } finally {
      approve.disabled = deny.disabled = false;
    }
  });

  return {
    element: form,
    update(claim) {
      replace(recommendation, renderRecommendation(claim));
    },
  };
}
