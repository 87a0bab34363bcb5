/**
 * The error summary's links lead to the input form-js renders for the field, date-time fields included; the server's
 * errors find their fields, a refused file its file picker.
 */
import { expect, it } from '@jest/globals';
import { componentsByPath, fromServer, summaryEntries, summaryFields } from './form-field-errors.js';

const schema = {
  components: [
    { id: 'name', key: 'name', type: 'textfield', label: 'Name' },
    { id: 'keptSince', key: 'keptSince', type: 'datetime', subtype: 'date', dateLabel: 'Aufnahme am' },
    { id: 'pickup', key: 'pickup', type: 'datetime', subtype: 'time', timeLabel: 'Abholzeit' },
    { id: 'dogs', path: 'dogs', type: 'dynamiclist', components: [{ id: 'birthDate', key: 'birthDate', type: 'datetime', subtype: 'datetime', dateLabel: 'Wurftag', timeLabel: 'Uhrzeit' }] },
  ],
};

it('links each problem to its input, as form-js names it', () => {
  const problems = [
    { componentId: 'name', indexes: [], message: 'fehlt' },
    { componentId: 'keptSince', indexes: [], message: 'fehlt' },
    { componentId: 'pickup', indexes: [], message: 'fehlt' },
    { componentId: 'birthDate', indexes: [1], message: 'fehlt' },
    { componentId: undefined, indexes: [], message: 'Unbekannter Wert' },
  ];
  expect(summaryEntries(problems, summaryFields(schema), () => 'f1')).toEqual([
    { fieldId: 'fjs-form-f1-name', message: 'Name: fehlt' },
    { fieldId: 'fjs-form-f1-keptSince-date', message: 'Aufnahme am: fehlt' },
    { fieldId: 'fjs-form-f1-pickup-time', message: 'Abholzeit: fehlt' },
    { fieldId: 'fjs-form-f1-birthDate_1-date', message: 'Wurftag (2): fehlt' },
    { fieldId: undefined, message: 'Unbekannter Wert' },
  ]);
});

it('brings the server\'s errors to their fields: values by their place in the data, refused files by their picker', () => {
  const withPickers = {
    components: [
      { id: 'name', key: 'name', type: 'textfield', label: 'Name' },
      { id: 'proof', key: 'proof', type: 'filepicker', label: 'Nachweis' },
      { id: 'dogs', path: 'dogs', type: 'dynamiclist', components: [{ id: 'photo', key: 'photo', type: 'filepicker', label: 'Foto' }] },
    ],
  };
  const data = { name: 'Erika', proof: 'files::a', dogs: [{ photo: 'files::b' }, { photo: 'files::c' }] };
  const problems = fromServer([
    { pointer: '/data/name', detail: 'zu kurz' },
    { pointer: '/files/files::a', detail: 'kein PDF' },
    { pointer: '/files/files::c', detail: 'kein Bild' },
    { pointer: '/files/files::unknown', detail: 'unbekannt' },
  ], componentsByPath(withPickers), data);
  expect(problems).toEqual([
    { componentId: 'name', indexes: [], message: 'zu kurz' },
    { componentId: 'proof', indexes: [], message: 'kein PDF' },
    { componentId: 'photo', indexes: [1], message: 'kein Bild' },
    { componentId: undefined, indexes: [], message: 'unbekannt' },
  ]);
});
