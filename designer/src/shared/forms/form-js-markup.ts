/**
 * Corrections to the markup form-js's viewer renders, kept up whenever it renders again:
 * - On phones, flatpickr (form-js's date picker) hides form-js's date input and puts the phone's own after it, with
 *   `tabindex="1"`, which pulls it to the front of the page's tab order (WCAG 2.4.3; Lighthouse's `tabindex` audit),
 *   and without the id the field's label points to or the description it is tied to (no accessible name).
 *   The phone's input gets the document order back, the id and the `aria-describedby` (kept in step with form-js's).
 * - Texts form-js writes without its `translate` (the file picker's "Browse", an empty select's "Select", a
 *   searchable select's "Search", a list item's "Remove list item 2", the date's `dd.mm.yyyy`) get the translation,
 *   and calendars made before a change of language speak the new one.
 */
import type { Locale } from '../i18n/locale.js';
import type { LibraryTranslate } from '../i18n/translator.js';
import { switchDatePicker } from './date-picker-locale.js';

export interface FormJsMarkup {
  /** Applies the corrections now, e.g. after the language changed. */
  refresh(): void;
  disconnect(): void;
}

const DATE_PLACEHOLDER = /^(dd|mm|yyyy)([./-](dd|mm|yyyy))+$/;
const REMOVE_LIST_ITEM = /^Remove list item (\d+)$/;

/** The translation of an English text form-js writes without `translate`, or undefined for any other text. */
function translationOf(english: string, translate: LibraryTranslate): string | undefined {
  if (english === 'Browse' || english === 'Select' || english === 'Search') return translate(english);
  if (DATE_PLACEHOLDER.test(english)) return english.replace(/dd|mm|yyyy/g, (part) => translate(part));
  const position = REMOVE_LIST_ITEM.exec(english)?.[1];
  return position ? translate('Remove list item {value}', { value: position }) : undefined;
}

/** Where form-js writes such texts: an element's text, or one of its attributes. */
const PLACES: readonly { selector: string; attribute?: string }[] = [
  { selector: '.fjs-filepicker-button' },
  { selector: '.fjs-select-display' },
  { selector: 'input[placeholder]', attribute: 'placeholder' },
  { selector: 'button[aria-label]', attribute: 'aria-label' },
];

export function correctFormJsMarkup(container: HTMLElement, translate: LibraryTranslate, currentLocale: () => Locale): FormJsMarkup {
  /** What was written where, and the English it stands for: a change of language translates from the English. */
  const written = new WeakMap<Node, Map<string, { english: string; text: string }>>();
  const translateAt = (node: Node, place: string, current: string, write: (text: string) => void) => {
    const before = written.get(node)?.get(place);
    const english = before && before.text === current ? before.english : current;
    const text = translationOf(english, translate);
    if (text === undefined) return;
    if (!written.has(node)) written.set(node, new Map());
    written.get(node)!.set(place, { english, text });
    if (text !== current) write(text);
  };
  const refresh = () => {
    for (const element of container.querySelectorAll<HTMLElement>('[tabindex]')) {
      if (element.tabIndex > 0) element.removeAttribute('tabindex');
    }
    for (const phoneInput of container.querySelectorAll<HTMLInputElement>('input.flatpickr-mobile')) {
      const formJsInput = phoneInput.previousElementSibling;
      if (formJsInput instanceof HTMLInputElement && formJsInput.type === 'hidden') tieToField(phoneInput, formJsInput);
    }
    for (const { selector, attribute } of PLACES) {
      for (const element of container.querySelectorAll(selector)) {
        if (attribute) {
          translateAt(element, attribute, element.getAttribute(attribute) ?? '', (text) => element.setAttribute(attribute, text));
        } else if (element.firstChild instanceof Text) {
          // The text node itself, which preact keeps a reference to: a later render (a chosen option) writes over it.
          const textNode = element.firstChild;
          translateAt(textNode, 'text', textNode.data, (text) => { textNode.data = text; });
        }
      }
    }
    for (const input of container.querySelectorAll('.flatpickr-input')) switchDatePicker(input, currentLocale());
  };
  const observer = new MutationObserver(refresh);
  observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['tabindex', 'aria-describedby', 'placeholder', 'aria-label'] });
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
