// Client of the host's /api routes (docs/http-api.md). Sends the function key when one is set.

const KEY_STORAGE = 'durableclaims.functionKey';

export function getKey() {
  try { return localStorage.getItem(KEY_STORAGE) || ''; } catch { return ''; }
}

export function setKey(key) {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch { /* storage disabled: the key lasts for this page only */ }
}

/** An HTTP failure with its RFC 7807 problem details, when the body had them. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message || problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const all = { Accept: 'application/json', ...headers };
  const key = getKey();
  if (key) all['x-functions-key'] = key;
  let response;
  try {
    response = await fetch(path, { method, body, headers: all, signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'The host cannot be reached. Is it running?');
  }
  if (!response.ok) {
    let problem = null;
    const type = response.headers.get('content-type') || '';
    if (type.includes('json')) {
      try { problem = await response.json(); } catch { problem = null; }
    } else {
      const text = await response.text().catch(() => '');
      if (text) problem = { detail: text.slice(0, 500) };
    }
    // The host's own 401 text is for developers (header and parameter names): the adjuster gets plain words.
    if (response.status === 401) {
      problem = { ...problem, detail: getKey()
        ? 'The access key saved in this browser was not accepted. Ask your administrator for the current key and paste it under “Access key” at the top right.'
        : 'This console needs the access key your administrator gave you. Open “Access key” at the top right and paste it.' };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function json(path, options) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

const enc = encodeURIComponent;

/** Lists claims. filter: { statuses[], createdFrom, createdTo, top, idPrefix, claimType, claimant, sort, view }. Returns { items, continuationToken, total }. */
export async function listClaims(filter = {}, continuationToken = null, signal) {
  const query = new URLSearchParams();
  if (filter.statuses?.length) query.set('status', filter.statuses.join(','));
  if (filter.createdFrom) query.set('createdFrom', filter.createdFrom);
  if (filter.createdTo) query.set('createdTo', filter.createdTo);
  if (filter.idPrefix) query.set('claimIdPrefix', filter.idPrefix);
  if (filter.claimType) query.set('claimType', filter.claimType);
  if (filter.claimant) query.set('claimant', filter.claimant);
  if (filter.sort) query.set('sort', filter.sort);
  if (filter.view) query.set('view', filter.view);
  query.set('top', String(filter.top || 25));
  const headers = continuationToken ? { 'x-ms-continuation-token': continuationToken } : {};
  const response = await request(`/api/claims?${query}`, { headers, signal });
  const body = await response.json();
  const items = Array.isArray(body) ? body : (body?.items ?? body?.claims ?? []);
  const total = response.headers.get('x-total-count');
  return { items, continuationToken: response.headers.get('x-ms-continuation-token') || null, total: total == null ? null : Number(total) };
}

/** The saved views of the list with their counts: { total, views: [{ name, title, count }] }. */
export const getViews = (signal) => json('/api/claim-views', { signal });

/** A URL that opens a stored document; links cannot send headers, so the key goes as the code parameter. */
export function withKey(url) {
  const key = getKey();
  if (!key || !url) return url;
  const u = new URL(url, location.origin);
  if (!u.searchParams.has('code')) u.searchParams.set('code', key);
  return u.pathname + u.search;
}

const action = (name) => (id, body) => json(`/api/claims/${enc(id)}/${name}`, {
  method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' },
});
export const reopenClaim = action('reopen');
export const retryClaim = action('retry');
export const closeClaim = action('close');
export const remindClaim = action('remind');
export const addNote = action('notes');

export const getClaim = (id, signal) => json(`/api/claims/${enc(id)}`, { signal });
export const getEvents = (id, signal) => json(`/api/claims/${enc(id)}/events`, { signal });
export const getHistory = (id, signal) => json(`/api/claims/${enc(id)}/history`, { signal });
export const getStats = (signal) => json('/api/stats', { signal });

/** Gets the decision package: { markdown, fileName, contentType, data }. */
export async function getPackage(id, signal) {
  const response = await request(`/api/claims/${enc(id)}/package`, { headers: { Accept: 'text/markdown, application/json' }, signal });
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) {
    const data = await response.json();
    const markdown = data?.markdown ?? data?.packageMarkdown ?? data?.content ?? '';
    return { markdown, fileName: data?.fileName ?? data?.packageFileName ?? null, data };
  }
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { markdown: await response.text(), fileName: match ? decodeURIComponent(match[1]) : null, data: null };
}

/** Starts a claim from JSON (object) or Markdown (string). Returns the management payload. */
export function startClaim(claim) {
  const isMarkdown = typeof claim === 'string';
  return json('/api/claims', {
    method: 'POST',
    body: isMarkdown ? claim : JSON.stringify(claim),
    headers: { 'Content-Type': isMarkdown ? 'text/markdown; charset=utf-8' : 'application/json' },
  });
}

/** Uploads files as multipart/form-data; each part's name is its document type. files: [{ file, type }]. */
export function uploadDocuments(id, files) {
  const form = new FormData();
  for (const { file, type } of files) form.append(type, file, file.name);
  return json(`/api/claims/${enc(id)}/documents`, { method: 'POST', body: form });
}

export const reviewClaim = (id, review) => json(`/api/claims/${enc(id)}/review`, {
  method: 'POST', body: JSON.stringify(review), headers: { 'Content-Type': 'application/json' },
});

/** Terminates a claim's workflow with a reason (the Durable management route), keeping its history. */
export const terminateClaim = (id, reason) => json(`/runtime/webhooks/durabletask/instances/${enc(id)}/terminate?reason=${enc(reason)}`, { method: 'POST' });

export const deleteClaim = (id) => json(`/api/claims/${enc(id)}`, { method: 'DELETE' });

// Claim assistant (docs/assistant.md): conversations about one claim; the assistant only reads the claim.
const conversations = (id) => `/api/claims/${enc(id)}/conversations`;

/** The claim's conversations, most recently updated first: [{ id, title, createdAt, updatedAt, messageCount }]. */
export const listConversations = (id, signal) => json(conversations(id), { signal });

/** One conversation with its messages, oldest first: { id, title, messages: [{ id, role, content, sources, … }] }. */
export const getConversation = (id, conversationId, signal) => json(`${conversations(id)}/${enc(conversationId)}`, { signal });

/** Starts a conversation (its title becomes the first question). */
export const createConversation = (id) => json(conversations(id), { method: 'POST' });

export const deleteConversation = (id, conversationId) => json(`${conversations(id)}/${enc(conversationId)}`, { method: 'DELETE' });

/**
 * Asks a question; the answer streams back as server-sent events from this POST (EventSource cannot POST),
 * so the stream is read here. onEvent(name, data) gets each event: question, chunk ({ text }), then done
 * ({ messageId, sources }) or error (problem details). Aborting `signal` stops reading only: the host still
 * writes and stores the answer.
 */
export async function askQuestion(id, conversationId, question, { signal, onEvent }) {
  const response = await request(`${conversations(id)}/${enc(conversationId)}/messages`, {
    method: 'POST',
    body: JSON.stringify({ question }),
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
    signal,
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const dispatch = (frame) => {
    let name = 'message';
    const data = [];
    for (const line of frame.split(/\r?\n/)) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    let parsed;
    try { parsed = JSON.parse(data.join('\n')); } catch { parsed = data.join('\n'); }
    onEvent(name, parsed);
  };
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    const frames = buffer.split(/\r?\n\r?\n/);
    buffer = frames.pop();
    frames.forEach(dispatch);
    if (done) break;
  }
  if (buffer.trim()) dispatch(buffer);
}
