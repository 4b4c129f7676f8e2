// Live updates: follows a server-sent event stream, and polls instead while there is none (docs/console.md).
import { withKey } from './api.js';
import { poll } from './poller.js';

/**
 * Follows the stream at url; handlers maps event names to (data) => void (data parsed as JSON).
 * While the stream is unavailable — no EventSource, the route is missing (404: the Functions app has no streams),
 * refused (401, 503 beyond the host's limit) or the connection dropped — it polls `task` every intervalMs,
 * and stops polling when the stream opens again. onMode(mode) hears 'stream' or 'poll'.
 * Returns { stop(), close(), mode }: close() ends the stream without polling (the host sent its final event).
 */
export function follow(url, handlers, { task, intervalMs, onMode = () => {} }) {
  let source = null;
  let poller = null;
  let stopped = false;
  let mode = null;

  const setMode = (next) => { if (mode !== next) { mode = next; onMode(next); } };
  const startPolling = () => {
    if (stopped) return;
    if (!poller) poller = poll(task, intervalMs);
    setMode('poll');
  };
  const stopPolling = () => { poller?.stop(); poller = null; };
  // A page may skip stream events while its tab is hidden: catch up once it shows again.
  const onVisibility = () => { if (!document.hidden && mode === 'stream' && !stopped) task(); };
  const close = () => { stopped = true; source?.close(); source = null; document.removeEventListener('visibilitychange', onVisibility); };
  document.addEventListener('visibilitychange', onVisibility);

  if (typeof EventSource !== 'function') {
    startPolling();
  } else {
    source = new EventSource(withKey(url));
    source.addEventListener('open', () => { stopPolling(); setMode('stream'); });
    // CLOSED: the host refused the stream and EventSource gives up; CONNECTING: it retries by itself. Poll meanwhile either way.
    source.addEventListener('error', () => {
      if (stopped) return;
      if (source?.readyState === EventSource.CLOSED) source = null;
      startPolling();
    });
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        let data = null;
        try { data = JSON.parse(event.data); } catch { data = null; }
        handler(data);
      });
    }
  }

  return {
    stop() { close(); stopPolling(); },
    close,
    get mode() { return mode; },
  };
}
