/**
 * Two corrections to the markup form-js's viewer renders, kept up whenever it renders again:
 * - On phones, flatpickr (form-js's date picker) puts a native date input in place of form-js's own, with
 *   `tabindex="1"`, which pulls it to the front of the page's tab order (WCAG 2.4.3; Lighthouse's `tabindex` audit).
 *   Without the attribute the input takes its place in the document order.
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
    const browse = translate('Browse');
    for (const button of container.querySelectorAll('.fjs-filepicker-button')) {
      // The text node itself, which preact keeps a reference to, so a later render does not bring "Browse" back.
      const text = button.firstChild;
      if (text instanceof Text && text.data !== browse) text.data = browse;
    }
  };
  const observer = new MutationObserver(refresh);
  observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
  refresh();
  return { refresh, disconnect: () => observer.disconnect() };
}
