// Bulk actions on the claims list's filtered selection: remind the customers of every matching claim that waits for
// documents, or terminate every open claim that matches, with a reason.
import { listClaims, terminateClaim, remindClaim } from '../api.js';
import { h, toast } from '../dom.js';
import { confirmDialog } from './confirm.js';

/** The most claims one bulk action reads and acts on. */
const MAX_SELECTION = 500;
const OPEN_RUNTIME = new Set(['Running', 'Pending', 'Suspended']);
const ADJUSTER_KEY = 'durableclaims.adjuster';

/** Every claim the list's filter matches, over all pages (at most MAX_SELECTION). */
async function readSelection(filter, search) {
  let claims = [];
  let token = null;
  do {
    const page = await listClaims({ ...filter, top: 100 }, token);
    claims = claims.concat(page.items);
    token = page.continuationToken;
  } while (token && claims.length < MAX_SELECTION);
  // The list filters the id search on the page as well; the selection is what the adjuster sees.
  const needle = (search || '').toLowerCase();
  return claims.slice(0, MAX_SELECTION).filter(c => !needle || String(c.claimId).toLowerCase().includes(needle));
}

/** A bulk-action button: reads the filtered selection and hands it to act(selection, button); disabled while it runs. */
function bulkButton(attributes, label, getFilter, act) {
  const button = h('button', { type: 'button', ...attributes, onclick: run }, label);

  async function run() {
    button.disabled = true;
    try {
      const { filter, search } = getFilter();
      await act(await readSelection(filter, search), button);
    } catch (error) {
      toast(`Could not read the selection: ${error.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  }

  return button;
}

/** Sends one request per claim, one after another; returns how many failed. */
async function eachClaim(claims, send) {
  let failed = 0;
  for (const claim of claims) {
    try { await send(claim); } catch { failed++; }
  }
  return failed;
}

/** A button that terminates the open claims matching getFilter(), after a confirmation naming how many and asking why. */
export function createBulkTerminate(getFilter, onDone) {
  return bulkButton({ class: 'btn btn--sm btn--danger', id: 'bulk-terminate' }, 'Terminate matching…', getFilter, async (selection, button) => {
    const open = selection.filter(c => OPEN_RUNTIME.has(c.runtimeStatus));
    if (!open.length) { toast('No open claim matches these filters: there is nothing to terminate.'); return; }
    const count = open.length === 1 ? '1 claim' : `${open.length} claims`;
    const reason = h('textarea', { id: 'bulk-reason', rows: 3, required: true, 'aria-describedby': 'bulk-reason-help' });
    const message = h('div', {},
      h('p', { id: 'bulk-count' }, `${count} that match the current filters ${open.length === 1 ? 'is' : 'are'} still open. Terminating stops ${open.length === 1 ? 'it' : 'them'} at once; the list then shows ${open.length === 1 ? 'it' : 'them'} as error.`),
      h('div', { class: 'field' },
        h('label', { for: 'bulk-reason' }, 'Reason'),
        reason,
        h('p', { class: 'small muted', id: 'bulk-reason-help' }, 'Kept with each claim, e.g. "Duplicate submissions from the portal outage".')));
    const ok = await confirmDialog({ title: `Terminate ${count}?`, message, confirmLabel: `Terminate ${count}`, danger: true });
    if (!ok) { button.focus(); return; }
    const why = reason.value.trim();
    if (!why) { toast('Nothing was terminated: a reason is needed.', 'error'); button.focus(); return; }
    const failed = await eachClaim(open, claim => terminateClaim(claim.claimId, why));
    toast(failed ? `${open.length - failed} of ${count} terminated; ${failed} could not be.` : `${count} terminated.`, failed ? 'error' : 'info');
    onDone();
  });
}

/** A button that sends a reminder to the customer of every matching claim waiting for documents, after a confirmation naming how many. */
export function createBulkRemind(getFilter, onDone) {
  return bulkButton({ class: 'btn btn--sm', id: 'bulk-remind' }, 'Send reminder…', getFilter, async (selection, button) => {
    const waiting = selection.filter(c => c.awaiting === 'documents');
    // Claims started on workflow version 1 remind on their timer only: they do not offer the action.
    const remindable = waiting.filter(c => (c.actions || []).includes('remind'));
    if (!remindable.length) {
      toast(waiting.length
        ? 'The matching claims that wait for documents started on workflow version 1, which reminds on its own timer only.'
        : 'No claim that matches these filters waits for documents: there is nobody to remind.');
      return;
    }
    const count = remindable.length === 1 ? '1 claim' : `${remindable.length} claims`;
    let stored = '';
    try { stored = localStorage.getItem(ADJUSTER_KEY) || ''; } catch { /* ignore */ }
    const adjuster = h('input', { id: 'bulk-adjuster', autocomplete: 'name', value: stored, required: true });
    const note = h('textarea', { id: 'bulk-note', rows: 3, 'aria-describedby': 'bulk-note-help' });
    const skipped = waiting.length - remindable.length;
    const message = h('div', {},
      h('p', { id: 'bulk-count' }, `The customers of ${count} that match the current filters and wait for documents get a reminder now, listing what is still missing. The claims keep waiting.`
        + (skipped ? ` ${skipped} more started on workflow version 1 and are left to their own reminder timer.` : '')),
      h('div', { class: 'field' }, h('label', { for: 'bulk-adjuster' }, 'Adjuster'), adjuster),
      h('div', { class: 'field' },
        h('label', { for: 'bulk-note' }, 'Note to the customers (optional)'),
        note,
        h('p', { class: 'small muted', id: 'bulk-note-help' }, 'Quoted in each reminder, e.g. "We can settle as soon as the estimate arrives".')));
    const ok = await confirmDialog({ title: `Remind ${count}?`, message, confirmLabel: `Send ${count === '1 claim' ? '1 reminder' : `${remindable.length} reminders`}` });
    if (!ok) { button.focus(); return; }
    const who = adjuster.value.trim();
    if (!who) { toast('No reminder was sent: enter your name as the adjuster.', 'error'); button.focus(); return; }
    try { localStorage.setItem(ADJUSTER_KEY, who); } catch { /* ignore */ }
    const failed = await eachClaim(remindable, claim => remindClaim(claim.claimId, { adjuster: who, notes: note.value.trim() || null }));
    toast(failed ? `${remindable.length - failed} of ${count} reminded; ${failed} could not be (they may have moved on).` : `Reminder sent for ${count}.`, failed ? 'error' : 'info');
    onDone();
  });
}
