// Polls while the tab is visible; pauses when it is hidden and polls at once when it shows again.

/** Calls task every intervalMs (after each run finishes). Returns { stop, now, setEnabled }. */
export function poll(task, intervalMs) {
  let timer = null;
  let stopped = false;
  let enabled = true;
  let running = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && enabled && !document.hidden) timer = setTimeout(run, intervalMs);
  };
  const run = async () => {
    if (stopped || running) return;
    running = true;
    try { await task(); } catch (error) { if (error?.name !== 'AbortError') console.warn('refresh failed', error); }
    running = false;
    schedule();
  };
  const onVisibility = () => {
    if (document.hidden) clearTimeout(timer);
    else if (enabled) run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  schedule();

  return {
    stop() { stopped = true; clearTimeout(timer); document.removeEventListener('visibilitychange', onVisibility); },
    now: run,
    setEnabled(value) { enabled = value; if (value) schedule(); else clearTimeout(timer); },
    get enabled() { return enabled; },
  };
}
