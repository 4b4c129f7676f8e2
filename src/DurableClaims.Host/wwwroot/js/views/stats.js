// Statistics: status counts, success rate, and charts of analysis rounds and time paused.
import { getStats, listClaims, getEvents } from '../api.js';
import { pausedMillis } from '../components/timeline.js';
import { h, svg, replace, STATUSES, formatNumber, formatPercent, formatDuration, errorNotice } from '../dom.js';
import { poll } from '../poller.js';
import { perClaimChart } from '../components/per-claim-chart.js';

const PER_CLAIM = 20;
const PER_CLAIM_REFRESH_MS = 30000;
const TERMINAL = new Set(['approved', 'denied', 'stalled', 'timeout', 'error']);

const STATUS_COLORS = {
  running: '#1d4ed8', paused: '#b45309', approved: '#166534', denied: '#991b1b', stalled: '#6b21a8', timeout: '#9a3412', error: '#b42318',
};

/** Reads status counts whatever their shape: { paused: 2 } or [{ status, count }]. */
function readCounts(stats) {
  const raw = stats.statusCounts ?? stats.byStatus ?? stats.counts ?? stats.statuses ?? {};
  const counts = Object.fromEntries(STATUSES.map(s => [s, 0]));
  if (Array.isArray(raw)) for (const item of raw) counts[String(item.status).toLowerCase()] = Number(item.count ?? 0);
  else for (const [k, v] of Object.entries(raw)) counts[k.toLowerCase()] = Number(v ?? 0);
  return counts;
}

/** Reads per-claim rows { claimId, status, rounds, pausedSeconds } when the host provides them. */
function readClaims(stats) {
  const rows = stats.claims ?? stats.perClaim ?? stats.items ?? [];
  return Array.isArray(rows) ? rows.map(r => ({
    id: r.claimId ?? r.id, status: String(r.status ?? '').toLowerCase(), rounds: Number(r.rounds ?? 0),
    paused: Number(r.pausedSeconds ?? r.timePausedSeconds ?? (r.pausedMs ?? 0) / 1000),
  })) : [];
}

/** Reads a histogram { "1": 3, "2": 5 } or [{ value/bucket, count }] into sorted [label, count]. */
function readHistogram(raw) {
  if (!raw) return [];
  const pairs = Array.isArray(raw)
    ? raw.map(b => [String(b.label ?? b.bucket ?? b.value ?? b.rounds ?? b.key), Number(b.count ?? 0)])
    : Object.entries(raw).map(([k, v]) => [k, Number(v)]);
  return pairs.sort((a, b) => (Number(a[0]) - Number(b[0])) || a[0].localeCompare(b[0]));
}

function barChart({ id, title, rows, color, format = (v) => formatNumber(v), hrefFor }) {
  const W = 560, rowH = 30, labelW = 110, valueW = 70, H = Math.max(rowH, rows.length * rowH) + 8;
  const max = Math.max(1, ...rows.map(r => r.value));
  const width = (v) => ((W - labelW - valueW) * v) / max;
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title`, id },
    svg('title', { id: `${id}-title` }, `${title}: ${rows.map(r => `${r.label} ${format(r.value)}`).join(', ')}`),
    rows.map((r, i) => {
      const y = i * rowH + 4;
      const bar = [
        svg('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', style: 'fill:#172033;font-size:12px' }, r.label),
        svg('rect', { x: labelW, y: y + 4, width: Math.max(r.value ? 2 : 0, width(r.value)), height: rowH - 10, rx: 3, fill: r.color ?? color }),
        svg('text', { x: labelW + width(r.value) + 6, y: y + 17, style: 'fill:#172033;font-size:12px;font-weight:600' }, format(r.value)),
      ];
      return hrefFor ? svg('a', { href: hrefFor(r), 'aria-label': `${r.label}: ${format(r.value)}` }, bar) : svg('g', {}, bar);
    }));
}

/** Rounds and time paused of the most recent claims: rounds from the claims list, paused time from each claim's events. */
async function loadPerClaim() {
  const { items } = await listClaims({ top: PER_CLAIM });
  const rows = await Promise.all(items.map(async (c) => {
    const id = c.claimId ?? c.id;
    let paused = 0;
    try { paused = pausedMillis(await getEvents(id), { terminal: TERMINAL.has(c.status) }) / 1000; } catch { /* purged meanwhile */ }
    return { id, status: c.status, rounds: Number(c.rounds ?? 0), paused, created: c.createdTime };
  }));
  return rows.sort((a, b) => String(a.created).localeCompare(String(b.created)));
}

export function statsView(container) {
  const body = h('div', { id: 'stats-body' }, h('p', { class: 'skeleton' }, 'Loading statistics…'));
  replace(container,
    h('div', { class: 'page-head' }, h('div', { class: 'page-head__title' }, h('h1', {}, 'Statistics'),
      h('p', { class: 'muted', style: 'margin:4px 0 0' }, 'How claims end, how many analysis rounds they take and how long they wait for documents.'))),
    body);
  let last = null;
  let lastStats = null;
  let drawnWidth = 0;
  let perClaim = [];
  let perClaimAt = 0;

  async function load() {
    let stats;
    try { stats = await getStats(); } catch (error) { last = null; replace(body, errorNotice(error, 'Could not load statistics')); return; }
    if (Date.now() - perClaimAt > PER_CLAIM_REFRESH_MS) {
      perClaimAt = Date.now();
      try { perClaim = await loadPerClaim(); } catch { perClaim = []; }
    }
    const { generatedAt, ...rest } = stats ?? {};
    const signature = JSON.stringify([rest, perClaim]);
    if (signature === last) return;
    last = signature;
    lastStats = stats ?? {};
    render(lastStats);
    // The first drawing guessed its width before the card existed: redraw once at the card's real width.
    const guessed = drawnWidth;
    if (Math.abs(chartWidth() - guessed) > 8) render(lastStats);
  }

  /** The width the per-claim chart gets: its card's content box (the chart is drawn in pixels, not scaled). */
  function chartWidth() {
    const card = body.querySelector('#per-claim-chart')?.parentElement ?? body.querySelector('.grid--2 > section:last-child');
    const box = card ?? body;
    const style = getComputedStyle(box);
    drawnWidth = box.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
    return drawnWidth > 0 ? drawnWidth : 540;
  }

  // Redraw when the chart's width changes (rotation, window resize), so labels are thinned for the new width.
  let resizeTimer = null;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const before = drawnWidth;
      if (lastStats && Math.abs(chartWidth() - before) > 8) render(lastStats);
    }, 150);
  };
  window.addEventListener('resize', onResize);

  function render(stats) {
    const counts = readCounts(stats);
    const total = Number(stats.total ?? stats.totalClaims ?? Object.values(counts).reduce((a, b) => a + b, 0));
    const decided = counts.approved + counts.denied;
    const finished = decided + counts.stalled + counts.timeout + counts.error;
    const completed = Number(stats.completed ?? finished);
    const success = completed ? (stats.successRate ?? counts.approved / completed) : null;
    const avgRounds = stats.averageRounds ?? stats.avgRounds ?? stats.rounds?.average;
    const avgPaused = stats.averagePausedSeconds ?? stats.avgPausedSeconds ?? stats.pausedSeconds?.average ?? stats.timePaused?.averageSeconds;
    const fromHost = readClaims(stats);
    const claims = fromHost.length ? fromHost : perClaim;
    const roundsHistogram = readHistogram(stats.roundsHistogram ?? stats.rounds?.histogram);
    const pausedHistogram = readHistogram(stats.pausedHistogram ?? stats.timePaused?.histogram ?? stats.pausedSeconds?.histogram);

    replace(body,
      h('div', { class: 'kpis', id: 'stats-kpis' },
        kpi('Claims', formatNumber(total)),
        kpi('Success rate', success == null ? '—' : formatPercent(success), 'stat-success'),
        kpi('Finished', formatNumber(completed)),
        kpi('In progress', formatNumber(counts.running + counts.paused)),
        kpi('Average rounds', avgRounds == null ? '—' : formatNumber(avgRounds, 1)),
        kpi('Average time paused', avgPaused == null ? '—' : formatDuration(Number(avgPaused) * 1000))),
      h('div', { class: 'grid grid--2' },
        h('section', { class: 'card chart', 'aria-labelledby': 'counts-title' },
          h('h2', { id: 'counts-title' }, 'Claims by status'),
          barChart({ id: 'status-chart', title: 'Claims by status', rows: STATUSES.map(s => ({ label: s, value: counts[s], color: STATUS_COLORS[s], status: s })) }),
          h('table', { class: 'data', id: 'status-counts', style: 'margin-top:12px' },
            h('caption', { class: 'visually-hidden' }, 'Claims by status'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col', class: 'num' }, 'Claims'), h('th', { scope: 'col', class: 'num' }, 'Share'))),
            h('tbody', {}, STATUSES.map(s => h('tr', { dataset: { status: s } },
              h('td', {}, h('a', { href: `#/claims?status=${s}` }, s)),
              h('td', { class: 'num' }, formatNumber(counts[s])),
              h('td', { class: 'num' }, total ? formatPercent(counts[s] / total) : '—')))))),
        h('section', { class: 'card chart', 'aria-labelledby': 'rounds-title' },
          h('h2', { id: 'rounds-title' }, 'Rounds and time paused', claims.length ? h('span', { class: 'card__sub' }, `latest ${claims.length} claims`) : null),
          claims.length
            ? perClaimChart(claims, { width: chartWidth(), colors: STATUS_COLORS })
            : roundsHistogram.length || pausedHistogram.length
              ? [roundsHistogram.length ? [h('h3', {}, 'Analysis rounds'), barChart({ id: 'rounds-chart', title: 'Claims by number of rounds', rows: roundsHistogram.map(([label, value]) => ({ label: `${label} rounds`, value })), color: '#6b21a8' })] : null,
                pausedHistogram.length ? [h('h3', { style: 'margin-top:16px' }, 'Time paused'), barChart({ id: 'paused-chart', title: 'Claims by time paused', rows: pausedHistogram.map(([label, value]) => ({ label, value })), color: '#b45309' })] : null]
              : h('p', { class: 'muted' }, 'No claims yet.'))));
  }

  function kpi(label, value, id) {
    return h('div', { class: 'kpi', id }, h('span', { class: 'kpi__label' }, label), h('span', { class: 'kpi__value' }, value));
  }

  load();
  const poller = poll(load, 5000);
  return () => { poller.stop(); clearTimeout(resizeTimer); window.removeEventListener('resize', onResize); };
}
