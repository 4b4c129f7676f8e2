// New claim: fill in fields or paste a claim.md. On 400 each problem-details error is shown next to its field.
import { startClaim } from '../api.js';
import { h, replace, toast } from '../dom.js';
import { navigate } from '../router.js';

const FIELDS = [
  { key: 'claimId', label: 'Claim id', hint: 'Optional: a CLM-… id is generated when empty.', attrs: { autocomplete: 'off', spellcheck: 'false' } },
  { key: 'policyNumber', label: 'Policy number', attrs: { required: true, autocomplete: 'off', spellcheck: 'false' } },
  { key: 'claimType', label: 'Claim type', list: ['auto', 'home', 'travel'], attrs: { required: true } },
  { key: 'incidentDate', label: 'Incident date', attrs: { type: 'date', required: true } },
  { key: 'amount', label: 'Amount claimed', attrs: { type: 'number', min: '0', step: '0.01', inputmode: 'decimal', required: true } },
  { key: 'currency', label: 'Currency', hint: 'ISO 4217 code, e.g. USD or EUR.', attrs: { value: 'USD', maxlength: '3', autocomplete: 'off' } },
  { key: 'claimant.name', label: 'Claimant name', attrs: { required: true, autocomplete: 'off' } },
  { key: 'claimant.email', label: 'Claimant email', attrs: { type: 'email', required: true, autocomplete: 'off' } },
  { key: 'description', label: 'What happened', textarea: true, span: true, attrs: { required: true, rows: '4' } },
];

const DOCUMENT_TYPES = ['police_report', 'vehicle_damage_photos', 'insurance_exchange_form', 'repair_estimate', 'damage_photos',
  'proof_of_ownership', 'booking_confirmation', 'receipts', 'third_party_statement', 'independent_appraisal'];

/** Normalizes an error key so "Claimant.Name", "claimantName" and "claimant.name" meet. */
const norm = (key) => String(key ?? '').replace(/^\$\.?/, '').toLowerCase().replace(/[^a-z0-9[\]]/g, '');

export function newClaimView(container, _params, query) {
  let mode = query.get('mode') === 'markdown' ? 'markdown' : 'fields';
  const errorFields = new Map(); // normalized key → { input, slot }
  const summary = h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', hidden: true, role: 'alert', 'aria-labelledby': 'error-summary-title' });

  // ---- fields mode ----
  const inputs = {};
  const fieldEls = FIELDS.map(f => {
    const id = `f-${f.key.replace('.', '-')}`;
    const hintId = f.hint ? `${id}-hint` : null;
    const errorId = `${id}-error`;
    const input = f.textarea
      ? h('textarea', { id, name: f.key, ...f.attrs })
      : h('input', { id, name: f.key, type: 'text', ...f.attrs, list: f.list ? `${id}-list` : null });
    input.dataset.describedby = hintId ?? '';
    if (hintId) input.setAttribute('aria-describedby', hintId);
    inputs[f.key] = input;
    const slot = h('div', { id: errorId, class: 'error-slot' });
    errorFields.set(norm(f.key), { input, slot, label: f.label });
    return h('div', { class: `field${f.span ? ' span-2' : ''}` },
      h('label', { for: id }, f.label, f.attrs?.required ? h('span', { 'aria-hidden': 'true', class: 'muted' }, ' *') : null),
      hintId ? h('span', { class: 'hint', id: hintId }, f.hint) : null,
      input, slot,
      f.list ? h('datalist', { id: `${id}-list` }, f.list.map(v => h('option', { value: v }))) : null);
  });
  // "claimant" errors (wrong shape) belong next to the name.
  errorFields.set('claimant', errorFields.get(norm('claimant.name')));

  const docRows = h('ol', { class: 'file-rows', id: 'document-rows', 'aria-label': 'Documents' });
  const docsSlot = h('div', { id: 'f-documents-error' });
  errorFields.set('documents', { input: null, slot: docsSlot, label: 'Documents' });
  let docCounter = 0;
  function addDocRow(type = '', filename = '') {
    const n = docCounter++;
    const typeInput = h('input', { id: `f-doc-${n}-type`, value: type, placeholder: 'police_report', list: 'document-types', spellcheck: 'false' });
    const fileInput = h('input', { id: `f-doc-${n}-filename`, value: filename, placeholder: 'police_report.pdf', spellcheck: 'false' });
    const typeSlot = h('div', { id: `f-doc-${n}-type-error` });
    const fileSlot = h('div', { id: `f-doc-${n}-filename-error` });
    const row = h('li', { class: 'file-row', dataset: { row: n } },
      h('div', {}, h('label', { for: typeInput.id, class: 'small' }, 'Type'), typeInput, typeSlot),
      h('div', {}, h('label', { for: fileInput.id, class: 'small' }, 'File name'), fileInput, fileSlot),
      h('button', { type: 'button', class: 'btn btn--ghost btn--sm', 'aria-label': 'Remove this document', onclick: () => { row.remove(); } }, '✕'));
    row.typeInput = typeInput; row.fileInput = fileInput; row.typeSlot = typeSlot; row.fileSlot = fileSlot;
    docRows.append(row);
    return row;
  }

  const fieldsForm = h('form', { id: 'claim-form', novalidate: true, 'aria-labelledby': 'tab-fields', onsubmit: (e) => { e.preventDefault(); submit(collect()); } },
    h('div', { class: 'form-grid' }, fieldEls),
    h('fieldset', {}, h('legend', {}, 'Documents sent with the claim'),
      h('p', { class: 'small muted' }, 'List what the customer already provided; the workflow asks for the rest.'),
      docRows, docsSlot,
      h('datalist', { id: 'document-types' }, DOCUMENT_TYPES.map(v => h('option', { value: v }))),
      h('button', { type: 'button', class: 'btn btn--sm', onclick: () => addDocRow().typeInput.focus() }, '+ Add document')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn--primary', id: 'submit-fields' }, 'Submit claim')));

  function collect() {
    const value = (k) => inputs[k].value.trim();
    const claim = {
      policyNumber: value('policyNumber') || null,
      claimType: value('claimType') || null,
      incidentDate: value('incidentDate') || null,
      amount: value('amount') === '' ? null : (Number.isFinite(Number(value('amount'))) ? Number(value('amount')) : value('amount')),
      currency: value('currency') || null,
      claimant: { name: value('claimant.name') || null, email: value('claimant.email') || null },
      description: value('description') || null,
      documents: [...docRows.children].map(r => ({ type: r.typeInput.value.trim() || null, filename: r.fileInput.value.trim() || null }))
        .filter(d => d.type || d.filename),
    };
    if (value('claimId')) claim.claimId = value('claimId');
    return claim;
  }

  // ---- markdown mode ----
  const markdown = h('textarea', { id: 'claim-markdown', class: 'code', spellcheck: 'false', 'aria-describedby': 'claim-markdown-hint',
    placeholder: '# Claim\n\nPolicy number: POL-…\nClaim type: auto\n…' });
  const markdownSlot = h('div', { id: 'claim-markdown-error' });
  const fileInput = h('input', { type: 'file', id: 'claim-markdown-file', accept: '.md,.markdown,.txt,.json,text/markdown,text/plain,application/json' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) { markdown.value = await file.text(); markdown.focus(); }
  });
  const markdownForm = h('form', { id: 'markdown-form', novalidate: true, 'aria-labelledby': 'tab-markdown', onsubmit: (e) => { e.preventDefault(); submit(parsePasted(markdown.value)); } },
    h('div', { class: 'field' },
      h('label', { for: 'claim-markdown' }, 'claim.md'),
      h('span', { class: 'hint', id: 'claim-markdown-hint' }, 'Paste a claim written in Markdown (the format the CLI reads) or as JSON, or load a file below.'),
      markdown, markdownSlot),
    h('div', { class: 'field' }, h('label', { for: 'claim-markdown-file' }, 'Load a claim file (.md or .json)'), fileInput),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn--primary', id: 'submit-markdown' }, 'Submit claim')));

  /** Pasted text is sent as Markdown, unless it is a JSON claim (then as JSON). */
  function parsePasted(text) {
    if (text.trim().startsWith('{')) {
      try { return JSON.parse(text); } catch { /* not JSON after all: the host reports what is wrong */ }
    }
    return text;
  }

  // ---- tabs ----
  const tabFields = h('button', { type: 'button', role: 'tab', id: 'tab-fields', 'aria-controls': 'panel-fields' }, 'Fill in fields');
  const tabMarkdown = h('button', { type: 'button', role: 'tab', id: 'tab-markdown', 'aria-controls': 'panel-markdown' }, 'Paste Markdown');
  const panelFields = h('div', { role: 'tabpanel', id: 'panel-fields', 'aria-labelledby': 'tab-fields' }, fieldsForm);
  const panelMarkdown = h('div', { role: 'tabpanel', id: 'panel-markdown', 'aria-labelledby': 'tab-markdown' }, markdownForm);
  function setMode(next, focus = false) {
    mode = next;
    const isFields = mode === 'fields';
    tabFields.setAttribute('aria-selected', String(isFields));
    tabMarkdown.setAttribute('aria-selected', String(!isFields));
    tabFields.tabIndex = isFields ? 0 : -1;
    tabMarkdown.tabIndex = isFields ? -1 : 0;
    panelFields.hidden = !isFields;
    panelMarkdown.hidden = isFields;
    clearErrors();
    if (focus) (isFields ? tabFields : tabMarkdown).focus();
  }
  tabFields.addEventListener('click', () => setMode('fields'));
  tabMarkdown.addEventListener('click', () => setMode('markdown'));
  for (const tab of [tabFields, tabMarkdown]) {
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { e.preventDefault(); setMode(mode === 'fields' ? 'markdown' : 'fields', true); }
    });
  }

  replace(container,
    h('div', { class: 'page-head' }, h('div', { class: 'page-head__title' }, h('h1', {}, 'New claim'),
      h('p', { class: 'muted', style: 'margin:4px 0 0' }, 'Start the claims workflow. It checks the documents, asks for what is missing and runs the agents.'))),
    h('section', { class: 'card' },
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'How to enter the claim' }, tabFields, tabMarkdown),
      summary, panelFields, panelMarkdown));
  setMode(mode);

  // ---- errors ----
  function setInvalid(input, slotId, on) {
    if (!input) return;
    const base = input.dataset.describedby || (input === markdown ? 'claim-markdown-hint' : '');
    if (on) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [base, slotId].filter(Boolean).join(' '));
    } else {
      input.removeAttribute('aria-invalid');
      if (base) input.setAttribute('aria-describedby', base); else input.removeAttribute('aria-describedby');
    }
  }

  function clearErrors() {
    summary.hidden = true;
    replace(summary);
    for (const { input, slot } of errorFields.values()) { replace(slot); setInvalid(input, slot.id, false); }
    for (const row of docRows.children) {
      replace(row.typeSlot); replace(row.fileSlot);
      setInvalid(row.typeInput, row.typeSlot.id, false); setInvalid(row.fileInput, row.fileSlot.id, false);
    }
    replace(markdownSlot);
    setInvalid(markdown, markdownSlot.id, false);
  }

  /** Finds where an error key belongs in fields mode: a field, a document row cell, or nowhere. */
  function targetFor(key) {
    const doc = /^documents\[(\d+)\]\.?(\w*)$/i.exec(String(key).replace(/^\$\.?/, ''));
    if (doc) {
      const rows = [...docRows.children].filter(r => r.typeInput.value.trim() || r.fileInput.value.trim());
      const row = rows[Number(doc[1])];
      if (row) {
        const isFile = /file/i.test(doc[2]);
        return { input: isFile ? row.fileInput : row.typeInput, slot: isFile ? row.fileSlot : row.typeSlot };
      }
      return errorFields.get('documents');
    }
    return errorFields.get(norm(key));
  }

  function showErrors(problem) {
    clearErrors();
    const errors = problem?.errors && typeof problem.errors === 'object' ? problem.errors : {};
    const entries = Object.entries(errors).map(([key, messages]) => [key, Array.isArray(messages) ? messages : [String(messages)]]);
    const listItems = [];
    let first = null;
    for (const [key, messages] of entries) {
      const target = mode === 'fields' ? targetFor(key) : null;
      const label = target?.label ?? (key === '$' || key === '' ? 'Claim' : key);
      if (target) {
        target.slot.append(...messages.map(m => h('p', { class: 'field-error' }, m)));
        setInvalid(target.input, target.slot.id, true);
        first ??= target.input;
        listItems.push(h('li', {}, target.input ? h('a', { href: `#${target.input.id}`, onclick: (e) => { e.preventDefault(); target.input.focus(); } }, `${label}: ${messages.join(' ')}`) : `${label}: ${messages.join(' ')}`));
      } else if (mode === 'markdown') {
        markdownSlot.append(...messages.map(m => h('p', { class: 'field-error', dataset: { field: key } }, `${key === '$' ? '' : `${key}: `}${m}`)));
        setInvalid(markdown, markdownSlot.id, true);
        first ??= markdown;
        listItems.push(h('li', {}, `${label}: ${messages.join(' ')}`));
      } else {
        listItems.push(h('li', {}, `${label}: ${messages.join(' ')}`));
      }
    }
    replace(summary,
      h('h2', { id: 'error-summary-title' }, entries.length ? `The claim has ${entries.length} problem${entries.length === 1 ? '' : 's'}` : (problem?.title || 'The claim was not accepted')),
      entries.length ? h('ul', {}, listItems) : h('p', {}, problem?.detail || 'The host refused the claim.'));
    summary.hidden = false;
    // Focus the first invalid field in page order (errors arrive in the server's order).
    (container.querySelector('[aria-invalid="true"]') ?? first ?? summary).focus();
  }

  async function submit(body) {
    clearErrors();
    const buttons = container.querySelectorAll('button[type=submit]');
    buttons.forEach(b => { b.disabled = true; });
    try {
      const result = await startClaim(body);
      const id = result?.id ?? result?.claimId ?? result?.instanceId;
      toast(`Claim ${id} submitted`);
      navigate(`/claims/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.status === 400) showErrors(error.problem);
      else if (error.status === 409) {
        const running = ['running', 'paused'].includes(error.problem?.claimStatus);
        replace(summary, h('h2', { id: 'error-summary-title' }, running ? 'This claim is already running' : 'A claim with this id already exists'),
          h('p', {}, error.problem?.detail ?? '', ' ', body?.claimId || error.problem?.claimId
            ? h('a', { href: `#/claims/${encodeURIComponent(body?.claimId ?? error.problem?.claimId)}` }, 'Open it') : null));
        summary.hidden = false;
        summary.focus();
      } else {
        replace(summary, h('h2', { id: 'error-summary-title' }, 'The claim could not be submitted'), h('p', {}, error.message));
        summary.hidden = false;
        summary.focus();
      }
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }
}
