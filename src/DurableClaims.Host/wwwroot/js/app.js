// Console entry point: routes, the API-key settings dialog.
import { route, start } from './router.js';
import { getKey, setKey } from './api.js';
import { h, replace, toast } from './dom.js';
import { claimsView } from './views/claims.js';
import { claimView } from './views/claim.js';
import { statsView } from './views/stats.js';
import { newClaimView } from './views/new-claim.js';

route('/claims', claimsView, 'claims');
route('/claims/:id', claimView, 'claims');
route('/stats', statsView, 'stats');
route('/new', newClaimView, 'new');
route('/404', (container) => {
  replace(container, h('div', { class: 'page-head' }, h('h1', {}, 'Page not found')),
    h('p', {}, 'There is nothing at this address. ', h('a', { href: '#/claims' }, 'Go to the claims list.')));
}, '*');

function setupSettings() {
  const dialog = document.getElementById('settings-dialog');
  const input = document.getElementById('settings-key');
  const indicator = document.getElementById('key-indicator');
  const opener = document.getElementById('settings-open');
  const showIndicator = () => { indicator.hidden = !getKey(); };
  showIndicator();
  opener.addEventListener('click', () => { input.value = getKey(); dialog.showModal(); input.focus(); });
  document.getElementById('settings-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('settings-clear').addEventListener('click', () => { setKey(''); input.value = ''; showIndicator(); dialog.close(); toast('Access key cleared'); });
  document.getElementById('settings-form').addEventListener('submit', () => {
    setKey(input.value.trim());
    showIndicator();
    toast(input.value.trim() ? 'Access key saved' : 'Access key cleared');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  dialog.addEventListener('close', () => opener.focus());
}

setupSettings();
start(document.getElementById('view'));
