/** The error summary's links lead to the input form-js renders for the field, date-time fields included. */
import { expect, it } from '@jest/globals';
import { summaryEntries, summaryFields } from './form-field-errors.js';

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
