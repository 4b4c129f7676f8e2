// Hash routes: #/claims, #/claims/{id}, #/stats, #/new. A view is a function (container, params, query)
// that renders into the container and may return a cleanup function (stops its polling).

const routes = [];
let cleanup = null;
let outlet = null;

export function route(pattern, view, nav) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; }) + '/?$');
  routes.push({ regex, names, view, nav });
}

export function navigate(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

export function currentPath() {
  return (location.hash || '#/claims').slice(1).split('?')[0];
}

export function currentQuery() {
  const hash = location.hash || '';
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

async function render() {
  if (typeof cleanup === 'function') { try { cleanup(); } catch (e) { console.warn(e); } }
  cleanup = null;
  const path = currentPath();
  const match = routes.map(r => ({ r, m: r.regex.exec(path) })).find(x => x.m);
  outlet.replaceChildren();
  if (!match) {
    if (path === '/' || path === '') { location.replace('#/claims'); return; }
    const nf = routes.find(r => r.nav === '*');
    cleanup = await nf?.view(outlet, {}, currentQuery());
    setNav(null);
    return;
  }
  const params = {};
  match.r.names.forEach((name, i) => { params[name] = decodeURIComponent(match.m[i + 1]); });
  setNav(match.r.nav);
  const container = document.createElement('div');
  outlet.append(container);
  cleanup = await match.r.view(container, params, currentQuery());
  const heading = container.querySelector('h1');
  if (heading && document.activeElement === document.body) {
    heading.setAttribute('tabindex', '-1');
  }
}

function setNav(name) {
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Starts routing into the given element. */
export function start(element) {
  outlet = element;
  let first = true;
  window.addEventListener('hashchange', () => {
    render().then(() => {
      // Move focus to the new page's heading so keyboard and screen-reader users land on it.
      const heading = outlet.querySelector('h1');
      if (heading && !first) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); window.scrollTo(0, 0); }
    });
  });
  render().then(() => { first = false; });
}
