// A modal confirmation built on <dialog>: focus starts on Cancel, Escape cancels.
import { h } from '../dom.js';

/** Asks for confirmation; resolves true when the user confirms. */
export function confirmDialog({ title, message, confirmLabel = 'Confirm', danger = false }) {
  return new Promise((resolve) => {
    const titleId = `confirm-title-${Date.now()}`;
    const cancel = h('button', { type: 'button', class: 'btn', value: 'cancel' }, 'Cancel');
    const ok = h('button', { type: 'button', class: danger ? 'btn btn--danger-solid' : 'btn btn--primary', value: 'confirm' }, confirmLabel);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, role: 'alertdialog' },
      h('div', { class: 'dialog__body' },
        h('h2', { id: titleId }, title),
        typeof message === 'string' ? h('p', {}, message) : message,
        h('div', { class: 'dialog__actions' }, cancel, ok)));
    let result = false;
    cancel.addEventListener('click', () => dialog.close());
    ok.addEventListener('click', () => { result = true; dialog.close(); });
    dialog.addEventListener('close', () => { dialog.remove(); resolve(result); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
