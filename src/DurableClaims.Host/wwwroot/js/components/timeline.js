// Lifecycle timeline drawn to scale in SVG: a status lane (running vs paused) and one marker per event,
// with an equivalent text list below for screen readers and for reading exact times.
import { h, svg, formatDuration, formatTime, formatDate, humanize } from '../dom.js';

export const KINDS = {
  started: { color: '#1e40af', label: 'Submitted' },
  paused: { color: '#b45309', label: 'Paused' },
  reminder: { color: '#c2410c', label: 'Reminder' },
  resumed: { color: '#047857', label: 'Documents / resumed' },
  round: { color: '#6b21a8', label: 'Analysis round' },
  review: { color: '#0e7490', label: 'Review' },
  tool: { color: '#64748b', label: 'Tool call' },
  decision: { color: '#166534', label: 'Decision' },
  denied: { color: '#991b1b', label: 'Denied' },
  failure: { color: '#b42318', label: 'Failure' },
  other: { color: '#475569', label: 'Other' },
};

/** Sorts an event into a kind by its type name (the host's names may vary; words decide). */
export function kindOf(type, data) {
  const t = String(type ?? '').toLowerCase();
  const status = String(data?.status ?? '').toLowerCase();
  if (/complet|decision|decid/.test(t) && status) {
    if (status === 'approved') return 'decision';
    if (status === 'denied') return 'denied';
    return 'failure';
  }
  if (/tool/.test(t)) return 'tool';
  if (/error|fail|stall|timeout|timed_out|terminat/.test(t)) return 'failure';
  if (/remind/.test(t)) return 'reminder';
  if (/review|adjuster/.test(t)) return 'review';
  if (/resum|receiv|upload/.test(t)) return 'resumed';
  if (/pause|await|wait/.test(t)) return 'paused';
  if (/round|analy|agent/.test(t)) return 'round';
  if (/approv|deni|deny|decid|decision|complet|archiv/.test(t)) return 'decision';
  if (/submit|start|creat|intake|schedul/.test(t)) return 'started';
  return 'other';
}

/** Normalizes one event from the API to { time, type, kind, text }. */
export function normalizeEvent(e) {
  const type = e.type ?? e.kind ?? e.name ?? e.eventType ?? 'event';
  const time = new Date(e.timestamp ?? e.time ?? e.at ?? e.occurredAt ?? e.createdAt).getTime();
  const data = e.data && typeof e.data === 'object' ? e.data : null;
  const text = e.message ?? e.description ?? e.detail ?? e.details ?? e.summary ?? (data ? describeData(data) : '');
  return { time, type, kind: kindOf(type, data), text: typeof text === 'string' ? text : JSON.stringify(text), raw: e };
}

/** One line from an event's data: "Missing: police_report · Round: 2". */
function describeData(data) {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${humanize(k.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())}: ${Array.isArray(v) ? v.join(', ') : (typeof v === 'object' ? JSON.stringify(v) : v)}`)
    .join(' · ');
}

/** Splits a claim's life into running and paused segments: paused from a pause until the next resume/decision/failure. */
function statusSegments(events, t1, terminal) {
  const segments = [];
  let state = 'running', since = events[0].time;
  for (const e of events) {
    const nextState = e.kind === 'paused' ? 'paused' : (['resumed', 'round', 'tool', 'decision', 'denied', 'failure', 'started'].includes(e.kind) ? 'running' : state);
    if (nextState !== state) { segments.push({ state, from: since, to: e.time }); state = nextState; since = e.time; }
  }
  segments.push({ state: terminal && state === 'running' ? 'running' : state, from: since, to: t1 });
  return segments;
}

/** Total time paused (ms) in a claim's lifecycle events; an ongoing pause counts until now. */
export function pausedMillis(rawEvents, { terminal = true, now = Date.now() } = {}) {
  const events = (rawEvents ?? []).map(normalizeEvent).filter(e => Number.isFinite(e.time)).sort((a, b) => a.time - b.time);
  if (!events.length) return 0;
  const t1 = terminal ? events[events.length - 1].time : Math.max(now, events[events.length - 1].time);
  return statusSegments(events, t1, terminal).filter(x => x.state === 'paused').reduce((sum, x) => sum + (x.to - x.from), 0);
}

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800].map(s => s * 1000);

/** Draws the timeline; `end` is "now" for a claim that is still going, else its last event. */
export function renderTimeline(rawEvents, { terminal = true, now = Date.now() } = {}) {
  const events = (rawEvents ?? []).map(normalizeEvent).filter(e => Number.isFinite(e.time)).sort((a, b) => a.time - b.time);
  if (!events.length) return h('p', { class: 'muted' }, 'No lifecycle events yet.');

  const t0 = events[0].time;
  let t1 = terminal ? events[events.length - 1].time : Math.max(now, events[events.length - 1].time);
  if (t1 - t0 < 1000) t1 = t0 + 1000;
  const span = t1 - t0;

  const W = 600, left = 12, right = 14, laneY = 24, laneH = 14, markY = 68, axisY = 100, H = 122;
  const x = (t) => left + ((t - t0) / span) * (W - left - right);

  const segments = statusSegments(events, t1, terminal);
  const pausedMs = segments.filter(s => s.state === 'paused').reduce((sum, s) => sum + (s.to - s.from), 0);

  const step = STEPS.find(s => span / s <= 6) ?? STEPS[STEPS.length - 1];
  const ticks = [];
  for (let t = 0; t <= span + 1; t += step) ticks.push(t);

  // Markers that would overlap are lifted into up to three rows.
  const rows = [];
  const placed = events.map(e => {
    const px = x(e.time);
    let row = 0;
    while (row < 3 && (rows[row] ?? -Infinity) > px - 9) row++;
    if (row === 3) row = 0;
    rows[row] = px;
    return { e, px, row };
  });

  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'timeline-title timeline-desc', id: 'timeline-svg' },
    svg('title', { id: 'timeline-title' }, 'Claim lifecycle timeline'),
    svg('desc', { id: 'timeline-desc' }, `${events.length} events over ${formatDuration(span)}, paused for ${formatDuration(pausedMs)}.`),
    svg('text', { x: left, y: laneY - 6 }, 'Status'),
    segments.filter(s => s.to > s.from).map(s => svg('rect', {
      x: x(s.from), y: laneY, width: Math.max(1, x(s.to) - x(s.from)), height: laneH, rx: 3,
      fill: s.state === 'paused' ? '#f59e0b' : '#3b6cf6', 'fill-opacity': s.state === 'paused' ? 0.85 : 0.7,
      class: `lane lane--${s.state}`,
    }, svg('title', {}, `${s.state === 'paused' ? 'Paused' : 'Running'} for ${formatDuration(s.to - s.from)}`))),
    ticks.map(t => [
      svg('line', { class: 'grid-line', x1: x(t0 + t), x2: x(t0 + t), y1: laneY + laneH + 4, y2: axisY }),
      svg('text', { x: x(t0 + t), y: axisY + 16, 'text-anchor': t === 0 ? 'start' : 'middle' }, t === 0 ? formatTime(t0) : `+${formatDuration(t)}`),
    ]),
    svg('line', { class: 'axis', x1: left, x2: W - right, y1: axisY, y2: axisY }),
    placed.map(({ e, px, row }) => {
      const cy = markY - row * 13;
      const color = KINDS[e.kind].color;
      const label = `${humanize(e.type)} at ${formatDate(new Date(e.time).toISOString())}${e.text ? ` — ${e.text}` : ''}`;
      const shape = e.kind === 'reminder'
        ? svg('rect', { x: px - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${px} ${cy})`, fill: color })
        : e.kind === 'round'
          ? svg('rect', { x: px - 2, y: cy - 7, width: 4, height: 14, rx: 1, fill: color })
          : svg('circle', { cx: px, cy, r: ['decision', 'denied', 'failure'].includes(e.kind) ? 7 : 5.5, fill: color, stroke: '#fff', 'stroke-width': 1.5 });
      return svg('g', { class: `marker marker--${e.kind}`, 'data-kind': e.kind },
        svg('line', { x1: px, x2: px, y1: cy, y2: axisY, stroke: color, 'stroke-opacity': 0.35 }),
        shape, svg('title', {}, label));
    }));

  const usedKinds = [...new Set(events.map(e => e.kind))];
  return h('div', { class: 'timeline' },
    chart,
    h('div', { class: 'legend', 'aria-hidden': 'true' },
      h('span', {}, h('span', { class: 'swatch', style: 'background:#3b6cf6;border-radius:2px' }), 'Running'),
      h('span', {}, h('span', { class: 'swatch', style: 'background:#f59e0b;border-radius:2px' }), `Paused (${formatDuration(pausedMs)})`),
      usedKinds.map(k => h('span', {}, h('span', { class: 'swatch', style: `background:${KINDS[k].color}` }), KINDS[k].label))),
    h('ol', { class: 'timeline-list', id: 'timeline-events', 'aria-label': 'Lifecycle events', tabindex: '0' }, events.map(e => h('li', { dataset: { kind: e.kind, type: e.type } },
      h('time', { datetime: new Date(e.time).toISOString(), class: 'muted', title: formatDate(new Date(e.time).toISOString()) }, e.time === t0 ? formatTime(t0) : `+${formatDuration(e.time - t0)}`),
      h('span', { class: 'swatch', style: `background:${KINDS[e.kind].color}`, 'aria-hidden': 'true' }),
      h('span', {}, h('strong', {}, humanize(e.type)), e.text ? ` — ${e.text}` : '')))));
}
