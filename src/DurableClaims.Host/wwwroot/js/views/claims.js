// Claims list (the work queue): saved views with counts, status chips, filters, sortable columns, paging, live refresh.
import { listClaims, getViews } from '../api.js';
import { h, replace, statusBadge, timeEl, deadlineEl, formatMoney, STATUSES, errorNotice, humanize, announce } from '../dom.js';
import { follow } from '../live.js';
import { createBulkTerminate, createBulkRemind } from '../components/bulk.js';
import { navigate } from '../router.js';

const REFRESH_MS = 4000;
const PAGE_SIZES = [5, 10, 25, 50, 100];
const CLAIM_TYPES = ['auto', 'property', 'travel', 'health', 'liability'];
const VIEWS = [['', 'All claims'], ['needs-review', 'Needs review'], ['documents-overdue', 'Documents overdue'], ['stalled-error', 'Stalled / error'], ['recently-decided', 'Recently decided']];
// The columns: key, heading, sort key (null: not sortable), whether it hides on small screens.
const COLUMNS = [
  ['claim', 'Claim', 'claim'], ['claimant', 'Claimant', 'claimant'], ['type', 'Type', 'type', true], ['amount', 'Amount', 'amount'],
  ['status', 'Status', 'status'], ['waiting', 'Waiting for', null], ['deadline', 'Deadline', 'deadline', true],
  ['created', 'Created', 'created', true], ['updated', 'Last update', 'updated', true],
];
const WAITING = { documents: 'Documents', review: 'Review', retry: 'Retry', adjuster: 'Adjuster' };

/** Reads the list state from the hash query (so filters survive reloads and can be linked). */
function readState(query) {
  return {
    statuses: (query.get('status') || '').split(',').filter(s => STATUSES.includes(s)),
    search: query.get('q') || '',
    from: query.get('from') || '',
    to: query.get('to') || '',
    top: PAGE_SIZES.includes(Number(query.get('top'))) ? Number(query.get('top')) : 25,
    view: VIEWS.some(([v]) => v && v === query.get('view')) ? query.get('view') : '',
    type: query.get('type') || '',
    claimant: query.get('claimant') || '',
    sort: query.get('sort') || '-created',
  };
}

function writeState(state) {
  const query = new URLSearchParams();
  if (state.statuses.length) query.set('status', state.statuses.join(','));
  if (state.search) query.set('q', state.search);
  if (state.from) query.set('from', state.from);
  if (state.to) query.set('to', state.to);
  if (state.top !== 25) query.set('top', String(state.top));
  if (state.view) query.set('view', state.view);
  if (state.type) query.set('type', state.type);
  if (state.claimant) query.set('claimant', state.claimant);
  if (state.sort !== '-created') query.set('sort', state.sort);
  const text = query.toString();
  history.replaceState(null, '', `#/claims${text ? `?${text}` : ''}`);
}

/** datetime-local value (local time) → ISO string in UTC. */
const toIso = (local) => (local ? new Date(local).toISOString() : '');

export function claimsView(container, _params, query) {
  const state = readState(query);
  let tokens = [null]; // tokens[i] is the continuation token that fetches page i
  let page = 0;
  let nextToken = null;
  let controller = null;
  let lastSignature = null;

  const chipButtons = STATUSES.map(status => h('button', {
    type: 'button', class: 'chip', 'aria-pressed': String(state.statuses.includes(status)), dataset: { status },
    onclick: (e) => {
      const on = e.currentTarget.getAttribute('aria-pressed') !== 'true';
      e.currentTarget.setAttribute('aria-pressed', String(on));
      state.statuses = STATUSES.filter(s => s === status ? on : state.statuses.includes(s));
      resetAndLoad();
    },
  }, status));

  const viewButtons = VIEWS.map(([view, title]) => h('button', {
    type: 'button', class: 'view-tab', 'aria-pressed': String(state.view === view), dataset: { view: view || 'all' },
    onclick: () => {
      state.view = view;
      viewButtons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.view === (view || 'all'))));
      resetAndLoad();
    },
  }, h('span', {}, title), h('span', { class: 'view-tab__count', 'aria-label': 'claims' }, '…')));

  const typeSelect = h('select', { id: 'claim-type' }, h('option', { value: '' }, 'Any type'),
    CLAIM_TYPES.map(t => h('option', { value: t, selected: t === state.type }, humanize(t))));
  const claimantInput = h('input', { id: 'claimant', type: 'search', placeholder: 'Name or email', value: state.claimant, autocomplete: 'off' });
  const searchInput = h('input', { id: 'claim-search', type: 'search', placeholder: 'e.g. CLM-2025', value: state.search, autocomplete: 'off', spellcheck: 'false' });
  const fromInput = h('input', { id: 'created-from', type: 'datetime-local', value: state.from });
  const toInput = h('input', { id: 'created-to', type: 'datetime-local', value: state.to });
  const sizeSelect = h('select', { id: 'page-size' }, PAGE_SIZES.map(n => h('option', { value: n, selected: n === state.top }, String(n))));
  sizeSelect.addEventListener('change', () => { state.top = Number(sizeSelect.value); resetAndLoad(); });
  const liveToggle = h('input', { id: 'live-refresh', type: 'checkbox', checked: true });
  const liveDot = h('span', { class: 'live-dot', 'aria-hidden': 'true' });
  const updated = h('span', { class: 'small muted', id: 'list-updated' });

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter claims', onsubmit: (e) => {
    e.preventDefault();
    state.search = searchInput.value.trim();
    state.from = fromInput.value;
    state.to = toInput.value;
    state.type = typeSelect.value;
    state.claimant = claimantInput.value.trim();
    resetAndLoad();
  } },
  h('div', { class: 'filters__row' },
    h('div', { class: 'field', role: 'group', 'aria-labelledby': 'status-label' },
      h('span', { class: 'label', id: 'status-label' }, 'Status'),
      h('div', { class: 'chips' }, chipButtons))),
  h('div', { class: 'filters__row' },
    h('div', { class: 'field field--grow' }, h('label', { for: 'claim-search' }, 'Claim id'), searchInput),
    h('div', { class: 'field' }, h('label', { for: 'claimant' }, 'Claimant'), claimantInput),
    h('div', { class: 'field' }, h('label', { for: 'claim-type' }, 'Type'), typeSelect),
    h('div', { class: 'field' }, h('label', { for: 'created-from' }, 'Created from'), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'created-to' }, 'Created to'), toInput),
    h('div', { class: 'field' }, h('label', { for: 'page-size' }, 'Per page'), sizeSelect),
    h('button', { type: 'submit', class: 'btn btn--primary' }, 'Apply'),
    h('button', { type: 'button', class: 'btn btn--ghost', onclick: () => {
      state.statuses = []; state.search = ''; state.from = ''; state.to = ''; state.type = ''; state.claimant = '';
      chipButtons.forEach(b => b.setAttribute('aria-pressed', 'false'));
      searchInput.value = ''; fromInput.value = ''; toInput.value = ''; typeSelect.value = ''; claimantInput.value = '';
      resetAndLoad();
    } }, 'Reset')));

  const results = h('div', { class: 'table-wrap', id: 'claims-results' }, h('p', { class: 'skeleton' }, 'Loading claims…'));
  const prev = h('button', { type: 'button', class: 'btn btn--sm', disabled: true, onclick: () => { page--; load(); } }, '← Previous');
  const next = h('button', { type: 'button', class: 'btn btn--sm', disabled: true, onclick: () => { tokens[page + 1] = nextToken; page++; load(); } }, 'Next →');
  const pageLabel = h('span', { class: 'small muted', 'aria-live': 'polite' });
  /** The list's query for the current filters (every page), as the bulk actions read it too. */
  const currentFilter = () => ({
    statuses: state.statuses, createdFrom: toIso(state.from), createdTo: toIso(state.to), idPrefix: state.search,
    claimType: state.type, claimant: state.claimant, sort: state.sort, view: state.view,
  });
  const bulkTerminate = createBulkTerminate(() => ({ filter: currentFilter(), search: state.search }), () => load(true));
  const bulkRemind = createBulkRemind(() => ({ filter: currentFilter(), search: state.search }), () => load(true));

  replace(container,
    h('div', { class: 'page-head' },
      h('div', { class: 'page-head__title' }, h('h1', {}, 'Claims'),
        h('p', { class: 'muted', style: 'margin:4px 0 0' }, 'Every claim the workflow knows, newest first. Pick a view to find the claims that need you; open one to act on it.')),
      h('div', { class: 'page-head__actions' }, h('a', { class: 'btn btn--primary', href: '#/new' }, '+ New claim'))),
    h('nav', { class: 'views', id: 'claim-views', 'aria-label': 'Saved views' }, viewButtons),
    h('section', { class: 'card', 'aria-label': 'Filters' }, form),
    h('section', { class: 'card', 'aria-labelledby': 'results-title' },
      h('h2', { id: 'results-title' }, 'Results',
        h('label', { class: 'refresh', for: 'live-refresh' }, liveDot, liveToggle, 'Live refresh', updated)),
      results,
      h('div', { class: 'pager' }, prev, pageLabel, next),
      h('div', { class: 'bulk-actions', 'aria-label': 'Act on every claim that matches the filters', role: 'group' }, bulkRemind, bulkTerminate)));

  async function load(quiet = false) {
    controller?.abort();
    controller = new AbortController();
    writeState(state);
    const search = state.search;
    try {
      // The host filters statuses after reading a runtime page, so a page can come back short (even
      // empty) with a token: keep reading, asking only for what is still missing, up to a bound.
      const filter = currentFilter();
      loadCounts();
      let { items, continuationToken, total } = await listClaims({ ...filter, top: state.top }, tokens[page], controller.signal);
      for (let reads = 1; items.length < state.top && continuationToken && reads < 20; reads++) {
        const more = await listClaims({ ...filter, top: state.top - items.length }, continuationToken, controller.signal);
        items = items.concat(more.items);
        continuationToken = more.continuationToken;
      }
      // The id search also filters what came back, so it works whatever the host does with the prefix.
      const shown = search ? items.filter(c => String(c.claimId ?? c.id ?? '').toLowerCase().includes(search.toLowerCase())) : items;
      nextToken = continuationToken;
      // Skip re-rendering identical rows so live refresh does not steal keyboard focus.
      const signature = JSON.stringify(shown);
      if (signature !== lastSignature) { lastSignature = signature; renderRows(shown); }
      prev.disabled = page === 0;
      next.disabled = !nextToken;
      pageLabel.textContent = `Page ${page + 1} · ${shown.length} claim${shown.length === 1 ? '' : 's'}${total != null ? ` of ${total}` : ''}`;
      updated.textContent = `· updated ${new Date().toLocaleTimeString()}`;
      if (!quiet) announce(`${shown.length} claims shown`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      lastSignature = null;
      replace(results, errorNotice(error, 'Could not load claims'));
    }
  }

  function resetAndLoad() {
    tokens = [null];
    page = 0;
    load();
  }

  function renderRows(items) {
    if (!items.length) {
      replace(results, h('div', { class: 'empty' },
        h('p', {}, state.statuses.length || state.search || state.from || state.to ? 'No claims match these filters.' : 'No claims yet.'),
        h('a', { href: '#/new', class: 'btn' }, 'Submit a claim')));
      return;
    }
    replace(results, h('table', { class: 'data', id: 'claims-table' },
      h('caption', { class: 'visually-hidden' }, 'Claims'),
      h('thead', {}, h('tr', {}, COLUMNS.map(([key, title, sortKey, small]) => header(key, title, sortKey, small)))),
      h('tbody', {}, items.map(c => {
        const id = c.claimId ?? c.id;
        const facts = c.claim ?? {};
        return h('tr', { dataset: { claimId: id, status: c.status } },
          h('td', {}, h('a', { href: `#/claims/${encodeURIComponent(id)}` }, id)),
          h('td', { dataset: { col: 'claimant' } }, facts.claimantName ?? h('span', { class: 'muted' }, '—')),
          h('td', { class: 'hide-sm' }, humanize(facts.claimType) || '—'),
          h('td', { class: 'num nowrap' }, formatMoney(facts.amount, facts.currency)),
          h('td', {}, statusBadge(c.status)),
          h('td', { dataset: { col: 'waiting' } }, c.awaiting ? WAITING[c.awaiting] ?? humanize(c.awaiting) : h('span', { class: 'muted' }, '—')),
          h('td', { class: 'nowrap hide-sm' }, deadlineEl(c.deadline)),
          h('td', { class: 'nowrap hide-sm' }, timeEl(c.createdTime)),
          h('td', { class: 'nowrap hide-sm' }, timeEl(c.lastUpdatedTime)));
      }))));
  }

  /** A column heading; sortable ones hold a button that flips the order (aria-sort says which). */
  function header(key, title, sortKey, small) {
    const cls = [small ? 'hide-sm' : '', key === 'amount' ? 'num' : ''].filter(Boolean).join(' ');
    if (!sortKey) return h('th', { scope: 'col', class: cls }, title);
    const active = state.sort.replace(/^-/, '') === sortKey;
    const descending = state.sort.startsWith('-');
    return h('th', { scope: 'col', class: cls, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
      h('button', { type: 'button', class: 'sort', dataset: { sort: sortKey }, onclick: () => {
        state.sort = active && !descending ? `-${sortKey}` : (active ? sortKey : (['created', 'updated', 'amount'].includes(sortKey) ? `-${sortKey}` : sortKey));
        lastSignature = null;
        resetAndLoad();
      } }, title, h('span', { class: 'sort__arrow', 'aria-hidden': 'true' }, active ? (descending ? ' ▼' : ' ▲') : '')));
  }

  async function loadCounts() {
    try {
      const counts = await getViews();
      for (const button of viewButtons) {
        const view = counts.views.find(v => v.name === button.dataset.view);
        button.querySelector('.view-tab__count').textContent = String(view ? view.count : counts.total);
      }
    } catch { /* the list shows the error; counts stay as they were */ }
  }

  searchInput.addEventListener('keydown', (e) => {
    // Shift+Enter opens the claim with exactly this id.
    if (e.key === 'Enter' && e.shiftKey && searchInput.value.trim()) { e.preventDefault(); navigate(`/claims/${encodeURIComponent(searchInput.value.trim())}`); }
  });

  // The list's stream says when any claim changed; the page then reads its current page again.
  // Without a stream (the Functions app has none) it polls as before.
  const startLive = () => follow('/api/claims/stream', { changed: () => { if (!document.hidden) load(true); } },
    { task: () => load(true), intervalMs: REFRESH_MS, onMode: (mode) => { container.dataset.live = mode; } });
  load();
  let live = startLive();
  liveToggle.addEventListener('change', () => {
    live?.stop();
    live = liveToggle.checked ? startLive() : null;
    if (!liveToggle.checked) delete container.dataset.live;
    liveDot.classList.toggle('live-dot--off', !liveToggle.checked);
  });
  return () => { live?.stop(); controller?.abort(); };
}
