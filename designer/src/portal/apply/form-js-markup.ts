/**
 * Corrections to the markup form-js's viewer renders, kept up whenever it renders again:
 * - On phones, flatpickr (form-js's date picker) hides form-js's date input and puts the phone's own after it, with
 *   `tabindex="1"`, which pulls it to the front of the page's tab order (WCAG 2.4.3; Lighthouse's `tabindex` audit),
 *   and without the id the field's label points to or the description it is tied to (no accessible name).
 *   The phone's input gets the document order back, the id and the `aria-describedby` (kept in step with form-js's).
 * - The file picker's button says "Browse" without going through form-js's `translate`; it gets the translated text.
 */
import type { LibraryTranslate } from '../../shared/i18n/translator.js';

export interface FormJsMarkup {
  /** Applies the corrections now, e.g. after the language changed. */
  refresh(): void;
  disconnect(): void;
}

export function correctFormJsMarkup(container: HTMLElement, translate: LibraryTranslate): FormJsMarkup {
  const refresh = () => {
    for (const element of container.querySelectorAll<HTMLElement>('[tabindex]')) {
      if (element.tabIndex > 0) element.removeAttribute('tabindex');
    }
    for (const phoneInput of container.querySelectorAll<HTMLInputElement>('input.flatpickr-mobile')) {
      const formJsInput = phoneInput.previousElementSibling;
      if (formJsInput instanceof HTMLInputElement && formJsInput.type === 'hidden') tieToField(phoneInput, formJsInput);
    }
    const browse = translate('Browse');
    for (const button of container.querySelectorAll('.fjs-filepicker-button')) {
      // The text node itself, which preact keeps a reference to, so a later render does not bring "Browse" back.
      const text = button.firstChild;
      if (text instanceof Text && text.data !== browse) text.data = browse;
    }
  };
  const observer = new MutationObserver(refresh);
  observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex', 'aria-describedby'] });
  refresh();
  return { refresh, disconnect: () => observer.disconnect() };
}

/** The label's `for` names form-js's (hidden) input by its id: the phone's input takes the id over. */
function tieToField(phoneInput: HTMLInputElement, formJsInput: HTMLInputElement): void {
  if (formJsInput.id) {
    const id = formJsInput.id;
    formJsInput.removeAttribute('id'); // preact sets an unchanged id only once, so it stays with the phone's input
    phoneInput.id = id;
  }
  const describedBy = formJsInput.getAttribute('aria-describedby');
  if (describedBy === phoneInput.getAttribute('aria-describedby')) return;
  if (describedBy) phoneInput.setAttribute('aria-describedby', describedBy);
  else phoneInput.removeAttribute('aria-describedby');
}
