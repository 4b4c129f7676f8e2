// Small DOM helpers. Every text goes through textContent, so nothing the API returns becomes markup.

/** Creates an element: h('a', { href: '#', class: 'x', onclick: fn }, 'text', child). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Creates an SVG element with attributes and children. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Escapes text for use inside HTML markup. */
export function escapeHtml(text) {
  return String(text ?? '')
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

let idCounter = 0;
/** Returns a unique element id with the given prefix. */
export const uid = (prefix = 'id') => `${prefix}-${++idCounter}`;

export const STATUSES = ['running', 'paused', 'approved', 'denied', 'stalled', 'timeout', 'error'];
export const TERMINAL = new Set(['approved', 'denied', 'stalled', 'timeout', 'error']);

/** A status badge. */
export function statusBadge(status, large = false) {
  const s = String(status ?? 'unknown').toLowerCase();
  return h('span', { class: `badge badge--${s}${large ? ' badge--lg' : ''}`, dataset: { status: s } }, s);
}

const REASONS = {
  awaiting_documents: 'Waiting for documents from the customer',
  awaiting_review: 'Waiting for an adjuster review',
  documents_not_received: 'The document deadline passed',
  review_not_received: 'The review deadline passed without a decision',
  max_rounds: 'Too many analysis rounds without a decision',
  no_progress: 'The agents stopped making progress',
  missing_documents: 'Required documents are missing',
  policy_rules: 'Decided by the policy rules and agents',
  covered: 'The claim is covered by the policy',
  not_covered: 'The claim is not covered by the policy',
  high_risk: 'The claim was judged high risk',
  adjuster_approved: 'Approved by an adjuster',
  adjuster_denied: 'Denied by an adjuster',
  unexpected_error: 'An unexpected error stopped the workflow',
};

/** A sentence for a machine-readable reason code ("error:details" keeps its details). */
export function describeReason(reason) {
  if (!reason) return '';
  const text = String(reason);
  const colon = text.indexOf(':');
  const code = colon > 0 ? text.slice(0, colon) : text;
  const rest = colon > 0 ? text.slice(colon + 1).trim() : '';
  const known = REASONS[code];
  if (!known) return text;
  return rest ? `${known}: ${rest}` : known;
}

/** Turns a document type code into words: police_report → Police report. */
export function humanize(code) {
  const text = String(code ?? '').replace(/[_-]+/g, ' ').trim();
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Formats an ISO date-time for people; empty for nothing. */
export function formatDate(value) {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
}

export function formatTime(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : timeFmt.format(d);
}

/** A time element with a readable label and the machine value. */
export function timeEl(value) {
  if (!value) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: value, title: String(value) }, formatDate(value));
}

const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 3 days", "2 hours ago": a time relative to now, in the largest unit that fits. */
export function formatRelative(value, now = Date.now()) {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return '';
  const s = (d.getTime() - now) / 1000;
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, n]) => Math.abs(s) >= n) ?? ['second', 1];
  return relFmt.format(Math.round(s / size), unit);
}

/** A deadline: relative ("in 13 days") with the exact time in the browser's time zone beneath. */
export function deadlineEl(value) {
  if (!value) return h('span', { class: 'muted' }, '—');
  const overdue = new Date(value).getTime() < Date.now();
  return h('span', { class: `deadline${overdue ? ' deadline--overdue' : ''}` },
    h('span', { class: 'deadline__rel' }, formatRelative(value)),
    h('time', { class: 'deadline__abs small muted', datetime: value }, formatDate(value)));
}

/** Formats a money amount with its currency. */
export function formatMoney(amount, currency) {
  if (amount == null) return '—';
  try { return Number(amount).toLocaleString(undefined, { style: 'currency', currency: currency || 'USD' }); }
  catch { return `${formatNumber(amount, 2)} ${currency ?? ''}`.trim(); }
}

/** Formats a duration in milliseconds: 950 ms, 12 s, 4 min, 3 h 5 min, 2 d 4 h. */
export function formatDuration(ms) {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  const s = abs / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = s / 60;
  if (m < 60) return `${Math.floor(m)} min${Math.round(s % 60) ? ` ${Math.round(s % 60)} s` : ''}`;
  const hrs = m / 60;
  if (hrs < 48) return `${Math.floor(hrs)} h${Math.round(m % 60) ? ` ${Math.round(m % 60)} min` : ''}`;
  return `${Math.floor(hrs / 24)} d${Math.round(hrs % 24) ? ` ${Math.round(hrs % 24)} h` : ''}`;
}

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatPercent(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  const v = Number(value);
  return `${(v <= 1 ? v * 100 : v).toFixed(1)} %`;
}

/** Formats a byte count. */
export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A stable colour for a name (agent avatars, timeline kinds), all dark enough for white text. */
export function colorFor(name) {
  const palette = ['#1e40af', '#047857', '#7c2d12', '#6b21a8', '#9f1239', '#0e7490', '#3f6212', '#5b21b6', '#854d0e', '#334155'];
  let hash = 0;
  for (const ch of String(name)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

/** Shows a short message in the corner and to screen readers. */
export function toast(message, kind = 'info') {
  const host = document.getElementById('toasts');
  if (!host) return;
  const el = h('div', { class: `toast${kind === 'error' ? ' toast--error' : ''}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  host.append(el);
  setTimeout(() => el.remove(), 5000);
}

/** Announces a message politely to screen readers. */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (el) { el.textContent = ''; setTimeout(() => { el.textContent = message; }, 30); }
}

/** An error notice for a failed request. */
export function errorNotice(error, prefix = 'Could not load') {
  const detail = error?.problem?.detail || error?.problem?.title || error?.message || String(error);
  return h('div', { class: 'notice notice--error', role: 'alert' }, h('strong', {}, `${prefix}: `), detail);
}
