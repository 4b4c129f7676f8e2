// "Ask about this claim": conversations with the claim assistant (docs/assistant.md). Pick a conversation or start
// one, read its questions and answers (Markdown, with the sources each answer used), ask with the answer streamed in.
// The assistant only reads the claim; stopping an answer stops reading it, the host still finishes and stores it.
import * as api from '../api.js';
import { h, replace, humanize, formatDate, toast, announce } from '../dom.js';
import { renderMarkdown } from '../markdown.js';
import { confirmDialog } from './confirm.js';

const OPEN_KEY = 'durableclaims.assistantOpen';
const NEW = '';
/** After Stop, how often and how long the panel looks for the stored answer. */
const STOP_POLL_MS = 1000;
const STOP_POLL_TRIES = 30;

/** The problem details' words: detail, then each field's message (e.g. "At most 4000 characters"). */
function problemText(error) {
  const problem = error?.problem;
  const fields = problem?.errors ? Object.values(problem.errors).flat().filter(Boolean).map(String) : [];
  const detail = problem?.detail || problem?.title || error?.message || String(error);
  return [detail, ...fields.filter(f => f !== detail)].join(' ');
}

function suggestionsFor(status) {
  return [
    status === 'paused' ? 'Why is this claim paused?' : 'What is the status of this claim?',
    'What documents are still missing?',
    'Why was it decided this way?',
    'When is the deadline?',
  ];
}

/** The panel for one claim: call start() once the claim is known to exist, update(claim) on each refresh, dispose() on leaving. */
export function createAssistantPanel(claimId) {
  let conversations = [];
  let selected = NEW;
  let messages = [];
  let status = '';
  let started = false;
  let loaded = false;
  let gone = false;
  let streaming = null;      // the AbortController of the answer being read
  let view = 0;              // bumps when the selected conversation changes, so late loads are dropped
  let waiting = 0;           // bumps to end the wait for an answer after Stop

  let open = true;
  try {
    const saved = localStorage.getItem(OPEN_KEY);
    open = saved === null ? !window.matchMedia('(max-width: 960px)').matches : saved === 'true';
  } catch { /* storage disabled: open on wide screens */ }

  const toggle = h('button', { type: 'button', class: 'assistant-toggle', id: 'assistant-toggle', 'aria-controls': 'assistant-body', 'aria-expanded': String(open) },
    h('span', { class: 'assistant-toggle__chevron', 'aria-hidden': 'true' }), 'Ask about this claim');
  const picker = h('select', { id: 'assistant-conversation' });
  const deleteButton = h('button', { type: 'button', class: 'btn btn--sm btn--danger', id: 'assistant-delete', disabled: true }, 'Delete…');
  const history = h('div', { id: 'assistant-history', class: 'assistant-history', tabindex: '0', 'aria-label': 'Questions and answers' });
  const suggestions = h('div', { id: 'assistant-suggestions', class: 'assistant-suggestions', hidden: true });
  const error = h('div', { id: 'assistant-error', role: 'alert' });
  const question = h('textarea', { id: 'assistant-question', name: 'question', rows: '2', 'aria-describedby': 'assistant-hint', placeholder: 'e.g. What does the police report say about the other driver?' });
  const ask = h('button', { type: 'submit', class: 'btn btn--primary', id: 'assistant-ask' }, 'Ask');
  const stop = h('button', { type: 'button', class: 'btn', id: 'assistant-stop', hidden: true }, 'Stop');
  const progress = h('span', { class: 'small muted', id: 'assistant-progress', role: 'status' });
  const form = h('form', { id: 'assistant-form', class: 'assistant-form' },
    h('div', { class: 'field' },
      h('label', { for: 'assistant-question' }, 'Your question'),
      h('span', { class: 'hint', id: 'assistant-hint' }, 'Enter sends; Shift+Enter starts a new line.'),
      question),
    error,
    h('div', { class: 'form-actions' }, ask, stop, progress));
  const body = h('div', { id: 'assistant-body', hidden: !open },
    h('p', { class: 'small muted', id: 'assistant-readonly' }, 'Answers come from this claim\'s records; the assistant never changes the claim.'),
    h('div', { class: 'assistant-bar' },
      h('div', { class: 'field' }, h('label', { for: 'assistant-conversation' }, 'Conversation'), picker),
      deleteButton),
    history, suggestions, form);
  const element = h('section', { class: 'card assistant', id: 'assistant-card', 'aria-labelledby': 'assistant-title' },
    h('h2', { id: 'assistant-title' }, toggle), body);

  toggle.addEventListener('click', () => {
    open = !open;
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    try { localStorage.setItem(OPEN_KEY, String(open)); } catch { /* ignore */ }
    if (open) load();
  });
  picker.addEventListener('change', () => { selected = picker.value; waiting++; replace(error); showConversation(); });
  deleteButton.addEventListener('click', onDelete);
  stop.addEventListener('click', () => streaming?.abort());
  form.addEventListener('submit', (e) => { e.preventDefault(); send(question.value); });
  question.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(question.value); }
  });
  question.addEventListener('input', () => { if (question.getAttribute('aria-invalid')) { question.removeAttribute('aria-invalid'); replace(error); } });

  // ——— reading ———

  async function load() {
    if (!started || !open || loaded || gone) return;
    loaded = true;
    replace(history, h('p', { class: 'muted' }, 'Loading…'));
    await loadList(true);
    await showConversation();
  }

  /** Reads the claim's conversations; `pickLatest` selects the most recent one (the list's first). */
  async function loadList(pickLatest = false) {
    try {
      conversations = await api.listConversations(claimId) ?? [];
    } catch (e) {
      loaded = false;
      replace(error, h('p', { class: 'field-error' }, `Could not load the conversations: ${problemText(e)}`));
      return;
    }
    if (pickLatest) selected = conversations[0]?.id ?? NEW;
    else if (selected !== NEW && !conversations.some(c => c.id === selected)) selected = NEW;
    renderPicker();
  }

  function renderPicker() {
    replace(picker,
      h('option', { value: NEW }, 'New conversation'),
      conversations.map(c => h('option', { value: c.id },
        `${c.title || 'Untitled conversation'} · ${formatDate(c.updatedAt)} · ${c.messageCount} message${c.messageCount === 1 ? '' : 's'}`)));
    picker.value = selected;
    deleteButton.disabled = selected === NEW || !!streaming;
  }

  async function showConversation() {
    const mine = ++view;
    deleteButton.disabled = selected === NEW || !!streaming;
    if (selected === NEW) { messages = []; renderHistory(); return; }
    history.setAttribute('aria-busy', 'true');
    try {
      const detail = await api.getConversation(claimId, selected);
      if (mine !== view || gone) return;
      messages = detail?.messages ?? [];
      renderHistory();
    } catch (e) {
      if (mine !== view) return;
      replace(history, h('p', { class: 'field-error' }, `Could not load the conversation: ${problemText(e)}`));
    } finally {
      if (mine === view) history.removeAttribute('aria-busy');
    }
  }

  function renderHistory() {
    if (!messages.length) {
      replace(history, h('p', { class: 'muted', id: 'assistant-empty' },
        selected === NEW ? 'Ask a question to start a conversation about this claim.' : 'No questions in this conversation yet.'));
    } else {
      replace(history, h('ol', { class: 'assistant-turns', id: 'assistant-turns' }, messages.map(renderMessage)));
      history.scrollTop = history.scrollHeight;
    }
    renderSuggestions();
  }

  function renderSuggestions() {
    suggestions.hidden = messages.length > 0;
    replace(suggestions,
      h('p', { class: 'small muted', id: 'assistant-suggestions-label' }, 'Suggested questions'),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'assistant-suggestions-label' },
        suggestionsFor(status).map(text => h('button', { type: 'button', class: 'chip', disabled: !!streaming, onclick: () => send(text) }, text))));
  }

  function renderMessage(m) {
    if (m.role === 'user') {
      return h('li', { class: 'assistant-turn assistant-turn--question', dataset: { messageId: m.id } },
        h('span', { class: 'assistant-turn__who' }, 'You asked'),
        h('p', { class: 'assistant-question' }, m.content));
    }
    const text = h('div', { class: 'assistant-answer markdown' });
    text.innerHTML = renderMarkdown(m.content); // renderMarkdown escapes all HTML first
    return h('li', { class: 'assistant-turn assistant-turn--answer', dataset: { messageId: m.id } },
      h('span', { class: 'assistant-turn__who' }, 'Assistant'), text, renderSources(m.sources));
  }

  /** Documents link to their stored file; earlier messages show their id; claim facts their name. */
  function renderSources(sources) {
    if (!sources?.length) return null;
    const enc = encodeURIComponent;
    return h('div', { class: 'assistant-sources' },
      h('span', { class: 'small muted' }, 'Sources'),
      h('ul', {}, sources.map(s => {
        if (s.kind === 'document') {
          const slash = s.id.indexOf('/');
          const type = slash > 0 ? s.id.slice(0, slash) : s.id;
          const file = slash > 0 ? s.id.slice(slash + 1) : s.name;
          const url = api.withKey(`/api/claims/${enc(claimId)}/documents/${enc(type)}/${enc(file)}`);
          return h('li', { dataset: { kind: 'document', source: s.id } },
            h('a', { href: url, target: '_blank', rel: 'noopener' }, s.name || file), h('span', { class: 'muted' }, ` · ${humanize(type)}`));
        }
        if (s.kind === 'message') {
          const which = s.name === 'user' ? 'Earlier question' : s.name === 'assistant' ? 'Earlier answer' : 'Earlier message';
          return h('li', { dataset: { kind: 'message', source: s.id } }, `${which} `, h('code', {}, s.id));
        }
        return h('li', { dataset: { kind: s.kind || 'claim', source: s.id } }, humanize(s.name || s.id));
      })));
  }

  // ——— asking ———

  function setBusy(busy) {
    question.disabled = busy;
    ask.disabled = busy;
    picker.disabled = busy;
    deleteButton.disabled = busy || selected === NEW;
    stop.hidden = !busy;
    for (const chip of suggestions.querySelectorAll('button')) chip.disabled = busy;
    progress.textContent = busy ? 'Writing the answer…' : '';
  }

  async function send(raw) {
    if (streaming || gone) return;
    const text = String(raw ?? '').trim();
    if (!text) {
      question.setAttribute('aria-invalid', 'true');
      replace(error, h('p', { class: 'field-error', id: 'assistant-question-error' }, 'Type a question first.'));
      question.focus();
      return;
    }
    replace(error);
    question.removeAttribute('aria-invalid');
    // Loads still on their way (and a wait after Stop) must not redraw over this answer.
    view++;
    waiting++;
    history.removeAttribute('aria-busy');
    streaming = new AbortController();
    setBusy(true);
    stop.focus();

    let answerText = '';
    let done = null;
    let failure = null;
    let answerBox = null;
    let answerItem = null;
    let stopped = false;
    let createdHere = null;
    try {
      if (selected === NEW) {
        const created = await api.createConversation(claimId);
        createdHere = created.id;
        selected = created.id;
        view++;
        conversations = [created, ...conversations];
        renderPicker();
        deleteButton.disabled = true;
      }

      // The question and the answer as it comes; aria-busy holds the announcement until the answer is complete.
      if (!messages.length) replace(history, h('ol', { class: 'assistant-turns', id: 'assistant-turns' }));
      suggestions.hidden = true;
      answerBox = h('div', { class: 'assistant-answer markdown', 'aria-live': 'polite', 'aria-atomic': 'true', 'aria-busy': 'true' });
      answerItem = h('li', { class: 'assistant-turn assistant-turn--answer assistant-turn--streaming', id: 'assistant-streaming' },
        h('span', { class: 'assistant-turn__who' }, 'Assistant'), answerBox);
      history.querySelector('ol').append(
        h('li', { class: 'assistant-turn assistant-turn--question' }, h('span', { class: 'assistant-turn__who' }, 'You asked'), h('p', { class: 'assistant-question' }, text)),
        answerItem);
      history.scrollTop = history.scrollHeight;

      await api.askQuestion(claimId, selected, text, {
        signal: streaming.signal,
        onEvent(name, data) {
          if (name === 'question') {
            createdHere = null;
            question.value = ''; // stored: the box is free for the next question
          } else if (name === 'chunk') {
            answerText += data?.text ?? '';
            answerBox.innerHTML = renderMarkdown(answerText); // renderMarkdown escapes all HTML first
            history.scrollTop = history.scrollHeight;
          } else if (name === 'done') {
            done = data;
          } else if (name === 'error') {
            failure = data;
          }
        },
      });

      if (done) {
        answerBox.setAttribute('aria-busy', 'false');
        answerItem.classList.remove('assistant-turn--streaming');
        answerItem.removeAttribute('id');
        answerItem.dataset.messageId = done.messageId;
        const sources = renderSources(done.sources);
        if (sources) answerItem.append(sources);
        messages = [...messages,
          { id: done.questionId, role: 'user', content: text },
          { id: done.messageId, role: 'assistant', content: answerText, sources: done.sources ?? [] }];
        announce('The answer is complete');
        await loadList(); // the title (the first question), time and count changed
      } else {
        // An error event, or the stream ended early: show what is stored.
        replace(error, h('p', { class: 'field-error' }, failure?.detail || failure?.title || 'The answer stopped before it was complete. What the host stored is shown above.'));
        await loadList();
        await showConversation();
      }
    } catch (e) {
      if (e?.name === 'AbortError') {
        stopped = !gone;
        answerBox?.setAttribute('aria-busy', 'false');
      } else {
        replace(error, h('p', { class: 'field-error', id: 'assistant-question-error' }, problemText(e)));
        if (e?.status === 400 || e?.status === 413) question.setAttribute('aria-invalid', 'true');
        // The question was refused: a conversation started for it only would stay empty.
        if (createdHere && e?.status >= 400 && e?.status < 500) {
          await api.deleteConversation(claimId, createdHere).catch(() => {});
          selected = NEW;
        }
        await loadList();
        await showConversation();
      }
    } finally {
      streaming = null;
      if (!gone) {
        setBusy(false);
        renderPicker();
        question.focus();
      }
    }
    if (stopped) {
      toast('Stopped reading the answer; the host still finishes and stores it.');
      await loadList();
      await waitForStoredAnswer();
    }
  }

  /** After Stop: reloads the conversation until the answer the host went on writing is stored. */
  async function waitForStoredAnswer() {
    const mine = ++waiting;
    const still = () => !gone && mine === waiting && !streaming;
    for (let i = 0; i < STOP_POLL_TRIES && still(); i++) {
      await showConversation();
      if (!still()) return;
      // Done once no question waits for its answer (also when Stop came before the question was sent).
      if (messages.at(-1)?.role !== 'user') { progress.textContent = ''; await loadList(); return; }
      progress.textContent = 'The host is finishing the answer…';
      await new Promise(resolve => setTimeout(resolve, STOP_POLL_MS));
    }
    if (mine === waiting) progress.textContent = '';
  }

  async function onDelete() {
    const conversation = conversations.find(c => c.id === selected);
    if (!conversation) return;
    const ok = await confirmDialog({
      title: 'Delete this conversation?',
      message: `“${conversation.title || 'Untitled conversation'}” and its answers are deleted. The claim itself is not changed.`,
      confirmLabel: 'Delete conversation',
      danger: true,
    });
    if (!ok) { deleteButton.focus(); return; }
    try {
      await api.deleteConversation(claimId, conversation.id);
      toast('Conversation deleted');
      waiting++;
      selected = NEW;
      await loadList();
      await showConversation();
      picker.focus();
    } catch (e) {
      replace(error, h('p', { class: 'field-error' }, `Could not delete the conversation: ${problemText(e)}`));
      deleteButton.focus();
    }
  }

  return {
    element,
    /** The claim exists: load the conversations (now, or when the panel is first opened). */
    start() { started = true; load(); },
    update(claim) {
      const next = claim?.status ?? '';
      if (next !== status) { status = next; if (!messages.length && loaded && !streaming) renderSuggestions(); }
    },
    dispose() { gone = true; streaming?.abort(); },
  };
}
