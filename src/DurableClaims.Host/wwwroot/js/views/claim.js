// One claim: status and reason, documents, upload, review, timeline, chat history, the claim assistant and decision package.
import * as api from '../api.js';
import { h, replace, statusBadge, describeReason, humanize, timeEl, deadlineEl, formatNumber, formatDate, errorNotice, toast, TERMINAL, announce } from '../dom.js';
import { follow } from '../live.js';
import { navigate } from '../router.js';
import { renderMarkdown } from '../markdown.js';
import { renderTimeline } from '../components/timeline.js';
import { renderHistory } from '../components/history.js';
import { createUploader } from '../components/upload.js';
import { createReviewPanel, awaitsReview } from '../components/review.js';
import { confirmDialog } from '../components/confirm.js';
import { renderFacts, renderStoredDocuments, createNextSteps, createNoteForm } from '../components/case.js';
import { createAssistantPanel } from '../components/assistant.js';

const REFRESH_MS = 2500;

export function claimView(container, { id }) {
  let claim = null;
  let signatures = {};
  let packageLoaded = false;
  let live = null;
  // Stream events and polls run one after another, so that two refreshes never interleave.
  let queue = Promise.resolve();
  const serial = (task) => { queue = queue.then(task, task); return queue; };
  let gone = false;
  let settledRefreshes = 0;

  const title = h('h1', { id: 'claim-title' }, id);
  const badgeSlot = h('span', { id: 'claim-status' });
  const reason = h('p', { class: 'muted', id: 'claim-reason', style: 'margin:6px 0 0' });
  const kpis = h('div', { class: 'kpis', id: 'claim-kpis' });
  const docs = h('div', { id: 'claim-documents' }, h('p', { class: 'skeleton' }, 'Loading…'));
  const timeline = h('div', { id: 'claim-timeline' }, h('p', { class: 'skeleton' }, 'Loading…'));
  const historyBox = h('div', { id: 'claim-history' }, h('p', { class: 'skeleton' }, 'Loading…'));
  const packageBox = h('div', { id: 'claim-package', class: 'markdown' });
  const packageTitle = h('h2', { id: 'package-title' }, 'Decision package');
  const packageCard = h('section', { class: 'card', 'aria-labelledby': 'package-title', id: 'package-card', hidden: true }, packageTitle, packageBox);
  const decisionBox = h('div', { id: 'claim-decision' });
  const notice = h('div');

  const uploader = createUploader(id, () => claim, () => refresh());
  const uploadCard = h('section', { class: 'card', 'aria-labelledby': 'upload-title', id: 'upload-card', hidden: true },
    h('h2', { id: 'upload-title' }, 'Upload documents'), uploader.element);
  const review = createReviewPanel(id, () => { keepPolling(); refresh(); });
  const reviewCard = h('section', { class: 'card', 'aria-labelledby': 'review-title', id: 'review-card', hidden: true },
    h('h2', { id: 'review-title' }, 'Adjuster review'), review.element);

  const factsBox = h('div', { id: 'claim-facts' });
  const nextSteps = createNextSteps(id, () => { keepPolling(); refresh(); });
  const nextStepsCard = h('section', { class: 'card card--attention', 'aria-labelledby': 'next-steps-title', id: 'next-steps-card', hidden: true },
    h('h2', { id: 'next-steps-title' }, 'Needs an adjuster'), nextSteps.element);
  const notesCard = h('section', { class: 'card', 'aria-labelledby': 'notes-title', id: 'notes-card' },
    h('h2', { id: 'notes-title' }, 'Notes'), createNoteForm(id, () => { signatures.events = null; refresh(); }));

  // In the main column beside the agent conversation: on a phone it comes after the actions.
  const assistant = createAssistantPanel(id);

  const deleteButton = h('button', { type: 'button', class: 'btn btn--danger', id: 'delete-claim', onclick: onDelete }, 'Terminate & purge…');
  const refreshButton = h('button', { type: 'button', class: 'btn', onclick: () => refresh(true) }, 'Refresh');

  replace(container,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/claims' }, '← All claims')),
    h('div', { class: 'page-head' },
      h('div', { class: 'page-head__title' },
        h('div', { style: 'display:flex;align-items:center;gap:12px;flex-wrap:wrap' }, title, badgeSlot), reason),
      h('div', { class: 'page-head__actions' }, refreshButton, deleteButton)),
    notice,
    h('section', { class: 'card', 'aria-labelledby': 'facts-title', id: 'facts-card' }, h('h2', { id: 'facts-title' }, 'The claim'), factsBox),
    kpis,
    h('div', { class: 'grid grid--claim' },
      h('div', {},
        packageCard,
        h('section', { class: 'card', 'aria-labelledby': 'timeline-heading' }, h('h2', { id: 'timeline-heading' }, 'Timeline'), timeline),
        assistant.element,
        h('section', { class: 'card', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, 'Agent conversation'), historyBox)),
      h('aside', { 'aria-label': 'Documents and actions', id: 'claim-actions' },
        nextStepsCard,
        reviewCard,
        h('section', { class: 'card', 'aria-labelledby': 'docs-title' }, h('h2', { id: 'docs-title' }, 'Documents'), docs),
        uploadCard,
        h('section', { class: 'card', 'aria-labelledby': 'decision-title', id: 'decision-card', hidden: true },
          h('h2', { id: 'decision-title' }, 'Decision'), decisionBox),
        notesCard)));

  function renderHeader() {
    replace(badgeSlot, statusBadge(claim.status, true));
    reason.textContent = describeReason(claim.reason) || (claim.status === 'running' ? `Working: ${humanize(claim.phase) || 'in progress'}` : '');
    const items = [
      ['Phase', humanize(claim.phase) || '—'],
      ['Risk score', claim.riskScore == null ? '—' : formatNumber(claim.riskScore, 2)],
      ['Rounds', formatNumber(claim.rounds ?? 0)],
      ['Created', timeEl(claim.createdTime)],
      ['Last update', timeEl(claim.lastUpdatedTime)],
    ];
    if (claim.deadline) items.push(['Deadline', deadlineEl(claim.deadline)]);
    replace(kpis, items.map(([label, value]) => h('div', { class: 'kpi' },
      h('span', { class: 'kpi__label' }, label),
      h('span', { class: `kpi__value${typeof value === 'string' && value.length < 8 ? '' : ' kpi__value--sm'}` }, value))));
  }

  function renderDocuments() {
    const missing = claim.missingDocuments ?? [];
    const received = (claim.receivedDocuments ?? []).map(d => (typeof d === 'string' ? { type: d } : d));
    const uploadUrl = claim.uploadUrl ? new URL(claim.uploadUrl, location.origin).href : null;
    replace(docs,
      h('h3', {}, `Missing (${missing.length})`),
      missing.length
        ? h('ul', { class: 'doc-list', id: 'missing-documents' }, missing.map(t => h('li', { dataset: { type: t } },
          h('span', { class: 'doc-icon doc-icon--missing', 'aria-hidden': 'true' }, '!'), h('span', {}, humanize(t)), h('span', { class: 'doc-type muted' }, t))))
        : h('p', { class: 'muted', id: 'missing-documents' }, 'Nothing missing.'),
      h('h3', {}, `Received (${received.length})`),
      received.length
        ? h('ul', { class: 'doc-list', id: 'received-documents' }, received.map(d => h('li', { dataset: { type: d.type } },
          h('span', { class: 'doc-icon doc-icon--received', 'aria-hidden': 'true' }, '✓'), h('span', {}, humanize(d.type)),
          d.filename ? h('span', { class: 'doc-type muted' }, d.filename) : null)))
        : h('p', { class: 'muted', id: 'received-documents' }, 'None yet.'),
      claim.documents?.length ? [h('h3', {}, `Files (${claim.documents.length})`), renderStoredDocuments(claim)] : null,
      uploadUrl && !TERMINAL.has(claim.status)
        ? h('div', { class: 'field', style: 'margin:0' },
          h('label', { for: 'upload-url' }, 'Customer upload link'),
          h('div', { class: 'copy-row' },
            h('input', { id: 'upload-url', readonly: true, value: uploadUrl }),
            h('button', { type: 'button', class: 'btn btn--sm', onclick: copyLink }, 'Copy')))
        : null);

    async function copyLink() {
      try { await navigator.clipboard.writeText(uploadUrl); toast('Upload link copied'); }
      catch { document.getElementById('upload-url')?.select(); toast('Press Ctrl+C to copy the link'); }
    }
  }

  function renderDecision() {
    const d = claim.decision;
    const card = container.querySelector('#decision-card');
    if (!d) { card.hidden = true; return; }
    card.hidden = false;
    const money = (v) => (v == null ? '—' : `${formatNumber(v, 2)} ${d.currency ?? ''}`.trim());
    replace(decisionBox, h('dl', { class: 'props' },
      h('dt', {}, 'Outcome'), h('dd', {}, humanize(d.outcome)),
      h('dt', {}, 'Decided by'), h('dd', {}, humanize(d.decidedBy) + (d.adjuster ? ` (${d.adjuster})` : '')),
      h('dt', {}, 'Claimed'), h('dd', {}, money(d.claimedAmount)),
      h('dt', {}, 'Deductible'), h('dd', {}, money(d.deductible)),
      h('dt', {}, 'Payable'), h('dd', {}, money(d.payableAmount)),
      d.decidedAt ? [h('dt', {}, 'Decided'), h('dd', {}, formatDate(d.decidedAt))] : null),
    d.reasons?.length ? [h('h3', { style: 'margin-top:12px' }, 'Reasons'), h('ul', {}, d.reasons.map(r => h('li', {}, r)))] : null,
    d.rulesApplied?.length ? [h('h3', { style: 'margin-top:12px' }, 'Rules'), h('ul', { id: 'decision-rules' }, d.rulesApplied.map(r => h('li', { class: `rule rule--${String(r.result).toLowerCase()}` },
      `${r.description ?? r.id ?? ''}: ${humanize(r.result)}${r.detail ? ` — ${r.detail}` : ''}`)))] : null,
    d.evidence?.length ? [h('h3', { style: 'margin-top:12px' }, 'Evidence'), h('ul', { id: 'decision-evidence' }, d.evidence.map(e => h('li', {},
      typeof e === 'string' ? e : `${humanize(e.source)}: ${e.detail}`)))] : null);
  }

  async function loadPackage() {
    if (packageLoaded || !['approved', 'denied'].includes(claim.status)) return;
    packageLoaded = true;
    try {
      const pkg = await api.getPackage(id);
      const denied = claim.status === 'denied';
      packageTitle.textContent = denied ? 'Denial letter' : 'Hand-off package';
      packageCard.className = `card package--${claim.status}`;
      packageBox.innerHTML = renderMarkdown(pkg.markdown); // renderMarkdown escapes all input first
      if (pkg.fileName) packageTitle.append(h('span', { class: 'card__sub' }, pkg.fileName));
      packageCard.hidden = false;
    } catch (error) {
      packageLoaded = false;
      packageCard.hidden = false;
      replace(packageBox, errorNotice(error, 'Could not load the decision package'));
    }
  }

  async function loadSide(name, fetcher, target, render, variant = '') {
    try {
      const data = await fetcher(id);
      const signature = JSON.stringify(data) + variant;
      if (signatures[name] === signature) return;
      signatures[name] = signature;
      replace(target, render(data));
    } catch (error) {
      if (error.name !== 'AbortError') { signatures[name] = null; replace(target, errorNotice(error)); }
    }
  }

  /** Shows the claim; `streamed` is the status object a stream event carried (no need to read it again). */
  async function refresh(manual = false, streamed = null) {
    if (gone) return;
    let next;
    try {
      next = streamed ?? await api.getClaim(id);
    } catch (error) {
      if (error.status === 404) {
        gone = true;
        live?.stop();
        assistant.dispose();
        assistant.element.hidden = true;
        replace(notice, h('div', { class: 'notice notice--error', role: 'alert' }, 'There is no claim with this id (it may have been purged). ', h('a', { href: '#/claims' }, 'Back to the claims list')));
        replace(docs, h('p', { class: 'muted' }, '—'));
        replace(timeline, h('p', { class: 'muted' }, '—'));
        replace(historyBox, h('p', { class: 'muted' }, '—'));
        return;
      }
      replace(notice, errorNotice(error, 'Could not load the claim'));
      return;
    }
    replace(notice);
    const changed = JSON.stringify(next) !== signatures.claim;
    const statusChanged = claim && claim.status !== next.status;
    claim = next;
    if (changed) {
      signatures.claim = JSON.stringify(next);
      renderHeader();
      replace(factsBox, renderFacts(claim));
      renderDocuments();
      renderDecision();
      // Documents are asked for while the claim runs or waits for them, not while an adjuster decides.
      uploadCard.hidden = TERMINAL.has(claim.status) || awaitsReview(claim);
      deleteButton.textContent = TERMINAL.has(claim.status) ? 'Purge…' : 'Terminate & purge…';
      uploader.refresh();
      reviewCard.hidden = !awaitsReview(claim) && !(claim.actions ?? []).includes('decide');
      const needsAdjuster = ['adjuster', 'retry'].includes(claim.awaiting);
      nextStepsCard.hidden = !needsAdjuster && !(claim.actions ?? []).includes('remind');
      nextStepsCard.querySelector('#next-steps-title').textContent = needsAdjuster ? 'Needs an adjuster' : 'Waiting for documents';
      nextSteps.update(claim);
      review.update(claim);
      assistant.update(claim);
      assistant.start(); // once the claim is known to exist (loads only once)
      if (statusChanged) announce(`Claim is now ${claim.status}`);
    }
    const terminal = TERMINAL.has(claim.status);
    // While the claim runs the timeline ends at "now", so it is redrawn on every refresh.
    if (!terminal) signatures.events = null;
    await Promise.all([
      loadSide('events', api.getEvents, timeline, (events) => renderTimeline(events, { terminal }), terminal),
      loadSide('history', api.getHistory, historyBox, renderHistory),
      loadPackage(),
    ]);
    // The session (events, history) is written just after the final status: refresh a few more
    // times before stopping, so the last rounds and the completion appear.
    // A stalled, timed-out or errored claim that waits for an adjuster is still open: keep watching it.
    // (A stream says so itself with its end event.)
    if (live?.mode === 'poll' && terminal && !claim.awaiting && ++settledRefreshes > 4) { live.stop(); live = null; }
    if (manual) toast('Refreshed');
  }

  async function onDelete() {
    const running = claim && !TERMINAL.has(claim.status);
    const ok = await confirmDialog({
      title: `Terminate and purge ${id}?`,
      message: `${running ? 'The workflow is still running: it will be terminated. ' : ''}The claim's history, events and session are deleted. This cannot be undone.`,
      confirmLabel: running ? 'Terminate and purge' : 'Purge claim',
      danger: true,
    });
    if (!ok) { deleteButton.focus(); return; }
    try {
      await api.deleteClaim(id);
      gone = true;
      live?.stop();
      toast(`Claim ${id} purged`);
      navigate('/claims');
    } catch (error) {
      toast(`Could not purge: ${error.message}`, 'error');
    }
  }

  /** After an action the claim moves on: follow it again until it settles. */
  function keepPolling() {
    settledRefreshes = 0;
    if (!live && !gone) startLive();
  }

  /** Follows the claim's stream (status and timeline events); polls while there is none (e.g. on the Functions app). */
  function startLive() {
    live = follow(`/api/claims/${encodeURIComponent(id)}/stream`, {
      status: (view) => serial(() => refresh(false, view)),
      timeline: () => serial(() => { signatures.events = null; return refresh(false, claim); }),
      // The claim is settled and its last events are written: read everything once more and stop.
      end: () => { live?.close(); live = null; serial(() => refresh()); },
    }, { task: () => serial(() => refresh()), intervalMs: REFRESH_MS, onMode: (mode) => { container.dataset.live = mode; } });
  }

  refresh().then(() => {
    if (!gone && claim) startLive();
  });
  return () => { gone = true; live?.stop(); assistant.dispose(); };
}
