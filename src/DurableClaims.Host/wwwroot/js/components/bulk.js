// Bulk action on the claims list's filtered selection: terminate every open claim that matches, with a reason.
// (Reminders go out on the workflow's own timer; there is no route to send one on demand, so no bulk reminder.)
import { listClaims, terminateClaim } from '../api.js';
import { h, toast } from '../dom.js';
import { confirmDialog } from './confirm.js';

/** The most claims one bulk action reads and acts on. */
const MAX_SELECTION = 500;
const OPEN_RUNTIME = new Set(['Running', 'Pending', 'Suspended']);

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

/** A button that terminates the open claims matching getFilter(), after a confirmation naming how many and asking why. */
export function createBulkTerminate(getFilter, onDone) {
  const button = h('button', { type: 'button', class: 'btn btn--sm btn--danger', id: 'bulk-terminate', onclick: run }, 'Terminate matching…');

  async function run() {
    button.disabled = true;
    try {
      const { filter, search } = getFilter();
      const open = (await readSelection(filter, search)).filter(c => OPEN_RUNTIME.has(c.runtimeStatus));
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
      let failed = 0;
      for (const claim of open) {
        try { await terminateClaim(claim.claimId, why); } catch { failed++; }
      }
      toast(failed ? `${open.length - failed} of ${count} terminated; ${failed} could not be.` : `${count} terminated.`, failed ? 'error' : 'info');
      onDone();
    } catch (error) {
      toast(`Could not read the selection: ${error.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  }

  return button;
}
