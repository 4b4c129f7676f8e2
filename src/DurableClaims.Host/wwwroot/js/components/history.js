// Chat history grouped by agent (author), each group in message order.
import { h, colorFor, formatDate, formatTime, humanize } from '../dom.js';
import { renderMarkdown } from '../markdown.js';

/** Tool calls stay monospace text; agent and system messages are Markdown (rendered safely). */
function content(message) {
  if (message.role === 'tool') return h('div', { class: 'message__content message__content--tool' }, message.content ?? '');
  const el = h('div', { class: 'message__content markdown' });
  el.innerHTML = renderMarkdown(message.content ?? ''); // renderMarkdown escapes all HTML first
  return el;
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
        h('span', {}, humanize(author)),
        h('span', { class: 'agent__count' }, `${items.length} message${items.length === 1 ? '' : 's'}`)),
      h('ol', { class: 'messages' }, items.map(m => h('li', { class: 'message', style: `border-left-color:${color}` },
        h('div', { class: 'message__meta' },
          m.timestamp ? h('time', { datetime: m.timestamp, title: formatDate(m.timestamp) }, formatTime(m.timestamp)) : null,
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
