// Document upload: drag and drop or file picker, several files, a document type per file,
// posted as multipart/form-data where each part's name is its document type.
import { h, replace, formatBytes, humanize, uid, toast, announce } from '../dom.js';
import { uploadDocuments } from '../api.js';

const COMMON_TYPES = ['police_report', 'vehicle_damage_photos', 'insurance_exchange_form', 'repair_estimate', 'damage_photos',
  'proof_of_ownership', 'booking_confirmation', 'receipts', 'third_party_statement', 'independent_appraisal', 'other'];

/** Turns a file name into a document type guess: "Police Report (1).pdf" → police_report. */
export function typeFromFilename(name) {
  return String(name).replace(/\.[^.]+$/, '').toLowerCase().replace(/\(\d+\)/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Creates the upload panel. getClaim() returns the latest claim status (for the missing list);
 * onUploaded() runs after a successful upload.
 */
export function createUploader(claimId, getClaim, onUploaded) {
  let files = [];
  const inputId = uid('file-input');
  const input = h('input', { type: 'file', id: inputId, multiple: true, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const pick = h('button', { type: 'button', class: 'btn btn--sm', id: 'choose-files' }, 'Choose files…');
  const zone = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, h('strong', {}, 'Drop documents here')),
    h('p', { class: 'small muted' }, 'or'),
    pick, input);
  const list = h('ul', { class: 'file-rows', id: 'upload-files', 'aria-label': 'Files to upload' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', disabled: true, id: 'upload-submit' }, 'Upload');
  const status = h('p', { class: 'small muted', role: 'status' });
  const form = h('form', { id: 'upload-form', 'aria-labelledby': 'upload-title', onsubmit: onSubmit },
    zone, list, h('div', { class: 'form-actions' }, submit, status));

  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dropzone--over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropzone--over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dropzone--over');
    add([...(e.dataTransfer?.files ?? [])]);
  });

  function typeOptions() {
    const claim = getClaim() ?? {};
    const missing = claim.missingDocuments ?? [];
    const others = [...new Set([...(claim.receivedDocuments ?? []).map(d => (typeof d === 'string' ? d : d.type)), ...COMMON_TYPES])].filter(t => !missing.includes(t));
    return { missing, others };
  }

  function guessType(file) {
    const { missing, others } = typeOptions();
    const stem = typeFromFilename(file.name);
    const known = [...missing, ...others];
    if (known.includes(stem)) return stem;
    const partial = known.find(t => t !== 'other' && stem.includes(t));
    if (partial) return partial;
    const taken = new Set(files.map(f => f.type));
    return missing.find(t => !taken.has(t)) ?? (stem || 'other');
  }

  function add(newFiles) {
    for (const file of newFiles) files.push({ file, type: guessType(file), id: uid('file') });
    render();
    if (newFiles.length) announce(`${newFiles.length} file${newFiles.length === 1 ? '' : 's'} added`);
  }

  function render() {
    const { missing, others } = typeOptions();
    replace(list, files.map((entry) => {
      const selectId = `${entry.id}-type`;
      const known = [...missing, ...others];
      const select = h('select', { id: selectId, class: 'file-type', 'data-file': entry.file.name },
        missing.length ? h('optgroup', { label: 'Missing' }, missing.map(t => h('option', { value: t, selected: t === entry.type }, humanize(t)))) : null,
        h('optgroup', { label: 'Other types' },
          (known.includes(entry.type) ? [] : [entry.type]).concat(others).map(t => h('option', { value: t, selected: t === entry.type }, humanize(t)))));
      select.addEventListener('change', () => { entry.type = select.value; });
      return h('li', { class: 'upload-row' },
        h('div', {}, h('div', { class: 'file-row__name', title: entry.file.name }, entry.file.name),
          h('div', { class: 'file-row__size' }, formatBytes(entry.file.size))),
        h('div', { class: 'upload-row__type' }, h('label', { for: selectId, class: 'visually-hidden' }, `Document type of ${entry.file.name}`), select),
        h('button', { type: 'button', class: 'btn btn--ghost btn--sm', 'aria-label': `Remove ${entry.file.name}`,
          onclick: () => { files = files.filter(f => f !== entry); render(); pick.focus(); } }, '✕'));
    }));
    submit.disabled = files.length === 0;
    submit.textContent = files.length ? `Upload ${files.length} document${files.length === 1 ? '' : 's'}` : 'Upload';
  }

  async function onSubmit(e) {
    e.preventDefault();
    if (!files.length) return;
    submit.disabled = true;
    status.textContent = 'Uploading…';
    try {
      await uploadDocuments(claimId, files);
      const count = files.length;
      files = [];
      render();
      status.textContent = `${count} document${count === 1 ? '' : 's'} sent. The claim resumes in a moment.`;
      toast('Documents uploaded');
      onUploaded?.();
    } catch (error) {
      submit.disabled = false;
      status.textContent = '';
      toast(`Upload failed: ${error.message}`, 'error');
      status.replaceChildren(h('span', { class: 'field-error', role: 'alert' }, `Upload failed: ${error.message}`));
    }
  }

  return { element: form, refresh: render };
}
