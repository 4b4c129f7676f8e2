// Chat history grouped by agent (author), each group in message order.
import { h, colorFor, formatDate, formatTime, humanize } from '../dom.js';
import { renderMarkdown } from '../markdown.js';

/** A folded block: the summary shows, the raw text opens on demand. */
function folded(summary, text) {
  return h('details', { class: 'fold' }, h('summary', {}, summary), h('pre', { class: 'message__content--tool' }, text));
}

const FENCED_JSON = /```json\s*\n([\s\S]*?)```/g;

/** Tool calls and JSON are folded behind "details"; agent and system messages are Markdown (rendered safely). */
function content(message) {
  const text = message.content ?? '';
  if (message.role === 'tool') return h('div', { class: 'message__content' }, folded('Tool call — details', text));
  const trimmed = text.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    return h('div', { class: 'message__content' }, folded('Data — details', trimmed));
  }
  const blocks = [...text.matchAll(FENCED_JSON)].map(m => m[1]);
  const el = h('div', { class: 'message__content markdown' });
  el.innerHTML = renderMarkdown(text.replace(FENCED_JSON, '').trim()); // renderMarkdown escapes all HTML first
  return blocks.length ? h('div', {}, el, blocks.map(b => folded('Verdict (JSON) — details', b.trim()))) : el;
}

export function renderHistory(messages) {
  if (!messages?.length) return h('p', { class: 'muted' }, 'No messages yet.');
  const groups = new Map();
  for (const m of messages) {
    const author = m.author || m.agent || m.role || 'unknown';
    if (!groups.has(author)) groups.set(author, []);
    groups.get(author).push(m);
  }
  // Long conversations start collapsed so the page stays scannable; each agent opens on its own.
  const open = messages.length <= 8;
  const details = [...groups].map(([author, items]) => {
    const color = colorFor(author);
    return h('details', { class: 'agent', open, dataset: { agent: author } },
      h('summary', {},
        h('span', { class: 'agent__avatar', style: `background:${color}`, 'aria-hidden': 'true' }, author.slice(0, 2)),
        h('span', { class: 'agent__name' }, humanize(author)),
        h('span', { class: 'agent__count' }, `${items.length} message${items.length === 1 ? '' : 's'}`)),
      h('ol', { class: 'messages' }, items.map(m => h('li', { class: 'message', style: `border-left-color:${color}` },
        h('div', { class: 'message__meta' },
          m.timestamp ? h('time', { datetime: m.timestamp, title: formatTime(m.timestamp) }, formatDate(m.timestamp)) : null,
          m.role ? h('span', {}, m.role) : null),
        content(m)))));
  });
  const toggle = h('button', { type: 'button', class: 'btn btn--sm btn--ghost', 'aria-controls': 'history-groups' }, open ? 'Collapse all' : 'Expand all');
  toggle.addEventListener('click', () => {
    const expand = toggle.textContent === 'Expand all';
    details.forEach(d => { d.open = expand; });
    toggle.textContent = expand ? 'Collapse all' : 'Expand all';
  });
  return h('div', {},
    h('div', { class: 'history-bar' }, h('span', { class: 'small muted' }, `${messages.length} messages from ${groups.size} authors`), toggle),
    h('div', { class: 'agents', id: 'history-groups' }, details));
}
