// The statistics page's chart of rounds (bars, left axis) and time paused (line, right axis) per claim.
// Drawn at the width it gets, so that its text keeps its size on a phone; x labels are thinned until
// they cannot overlap, and the time axis uses one unit chosen from the data's range.
import { svg, formatNumber, formatDuration } from '../dom.js';

const FONT_PX = 11;
// A generous average glyph width of the 11 px system font (ids are digits and capitals).
const CHAR_PX = 7.2;
const LABEL_GAP_PX = 10;

const TIME_UNITS = [
  { name: 's', label: 'seconds', seconds: 1, upTo: 120 },
  { name: 'min', label: 'minutes', seconds: 60, upTo: 2 * 3600 },
  { name: 'h', label: 'hours', seconds: 3600, upTo: 72 * 3600 },
  { name: 'd', label: 'days', seconds: 86400, upTo: Infinity },
];

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least value. */
function niceCeil(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map(f => f * power).find(v => v >= value - 1e-9);
}

/** One unit for the whole time axis, picked from the largest value, and round ticks in it. */
export function timeAxis(maxSeconds, steps = 4) {
  const unit = TIME_UNITS.find(u => maxSeconds <= u.upTo);
  const stepInUnit = niceCeil(Math.max(maxSeconds, 1) / unit.seconds / steps);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => i * stepInUnit);
  return { unit, ticks, max: stepInUnit * steps * unit.seconds, format: (v) => `${formatNumber(v, stepInUnit < 1 ? 1 : 0)} ${unit.name}` };
}

/** Every how many bars a label fits: labels are horizontal and at least a gap apart. */
export function labelEvery(labels, barWidth) {
  const widest = Math.max(0, ...labels.map(l => l.length)) * CHAR_PX + LABEL_GAP_PX;
  return Math.max(1, Math.ceil(widest / Math.max(barWidth, 1)));
}

/** claims: [{ id, status, rounds, paused (seconds) }], oldest first; width: the pixels the chart gets. */
export function perClaimChart(claims, { width = 540, colors = {} } = {}) {
  const rows = claims.slice(-24);
  const W = Math.max(300, Math.min(760, Math.round(width)));
  const H = 296, left = 34, right = 58, top = 14, bottom = 78;
  const plotW = W - left - right, plotH = H - top - bottom;
  const roundStep = Math.max(1, Math.ceil(Math.max(1, ...rows.map(r => r.rounds)) / 4));
  const maxRounds = roundStep * 4;
  const time = timeAxis(Math.max(0, ...rows.map(r => r.paused)));
  const step = plotW / Math.max(1, rows.length);
  const x = (i) => left + i * step + step / 2;
  const yR = (v) => top + plotH - (plotH * v) / maxRounds;
  const yP = (v) => top + plotH - (plotH * v) / time.max;
  const labels = rows.map(r => String(r.id).split('-').pop().slice(-8));
  const every = labelEvery(labels, step);
  const fractions = [0, 0.25, 0.5, 0.75, 1];
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': 'per-claim-title per-claim-desc', id: 'per-claim-chart', style: `max-width:100%;font-size:${FONT_PX}px` },
    svg('title', { id: 'per-claim-title' }, 'Rounds and time paused per claim'),
    svg('desc', { id: 'per-claim-desc' }, `${rows.length} claims. At most ${maxRounds} rounds and ${formatDuration(Math.max(0, ...rows.map(r => r.paused)) * 1000)} paused.`),
    fractions.map((t, i) => [
      svg('line', { class: 'grid-line', x1: left, x2: W - right, y1: top + plotH * (1 - t), y2: top + plotH * (1 - t) }),
      svg('text', { class: 'tick-rounds', x: left - 6, y: top + plotH * (1 - t) + 4, 'text-anchor': 'end' }, formatNumber(maxRounds * t)),
      svg('text', { class: 'tick-paused', x: W - right + 6, y: top + plotH * (1 - t) + 4 }, time.format(time.ticks[i])),
    ]),
    svg('line', { class: 'axis', x1: left, x2: W - right, y1: top + plotH, y2: top + plotH }),
    rows.map((r, i) => svg('rect', { x: left + i * step + step * 0.2, y: yR(r.rounds), width: step * 0.6, height: top + plotH - yR(r.rounds), rx: 2, fill: colors[r.status] ?? '#475569', 'fill-opacity': 0.85 },
      svg('title', {}, `${r.id}: ${r.rounds} rounds, paused ${formatDuration(r.paused * 1000)} (${r.status})`))),
    svg('polyline', { points: rows.map((r, i) => `${x(i)},${yP(r.paused)}`).join(' '), fill: 'none', stroke: '#0f1d3a', 'stroke-width': 1.5 }),
    rows.map((r, i) => svg('circle', { cx: x(i), cy: yP(r.paused), r: 3.5, fill: '#fff', stroke: '#0f1d3a', 'stroke-width': 1.5 })),
    // The newest claim always keeps its label; the others every `every` bars counted back from it.
    rows.map((r, i) => (rows.length - 1 - i) % every === 0
      ? svg('text', { class: 'x-label', x: x(i), y: top + plotH + 16, 'text-anchor': 'middle' }, labels[i])
      : null),
    // Axis title and legend on lines of their own, so that they fit a phone's width too.
    svg('text', { x: left, y: top + plotH + 34 }, every > 1 ? `Claim (every ${every}th labelled; hover a bar for its id)` : 'Claim'),
    svg('text', { x: left, y: top + plotH + 50 }, '■ Rounds (left axis)'),
    svg('text', { x: left, y: top + plotH + 66 }, `○ Time paused in ${time.unit.label} (right axis)`));
}
