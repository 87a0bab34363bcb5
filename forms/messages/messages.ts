/**
 * Error messages in German and English. The English text of form-js's own rules is form-js's text word for word
 * (the parity test compares them); the German text says the same.
 */

export type Locale = 'de' | 'en';

const MESSAGES = {
  // form-js's rules
  required: ['Dieses Feld ist ein Pflichtfeld.', 'Field is required.'],
  pattern: ['Das Feld muss dem Muster {value} entsprechen.', 'Field must match pattern {value}.'],
  min: ['Der Wert muss mindestens {value} betragen.', 'Field must have minimum value of {value}.'],
  max: ['Der Wert darf höchstens {value} betragen.', 'Field must have maximum value of {value}.'],
  minInvalid: ['Der Mindestwert ist keine gültige Zahl.', 'Min validation value is not a valid number.'],
  maxInvalid: ['Der Höchstwert ist keine gültige Zahl.', 'Max validation value is not a valid number.'],
  minLength: ['Das Feld muss mindestens {value} Zeichen lang sein.', 'Field must have minimum length of {value}.'],
  maxLength: ['Das Feld darf höchstens {value} Zeichen lang sein.', 'Field must have maximum length of {value}.'],
  phone: [
    'Das Feld muss eine gültige internationale Telefonnummer sein. (z. B. +4930664040900)',
    'Field must be a valid international phone number. (e.g. +4930664040900)',
  ],
  email: ['Das Feld muss eine gültige E-Mail-Adresse sein.', 'Field must be a valid email.'],
  notANumber: ['Der Wert ist keine Zahl.', 'Value is not a number.'],
  integer: ['Der Wert muss eine ganze Zahl sein.', 'Value is expected to be an integer.'],
  decimalDigit: ['Der Wert darf höchstens 1 Nachkommastelle haben.', 'Value is expected to have at most 1 decimal digit.'],
  decimalDigits: [
    'Der Wert darf höchstens {value} Nachkommastellen haben.',
    'Value is expected to have at most {value} decimal digits.',
  ],
  increment: [
    'Bitte wählen Sie einen gültigen Wert, die beiden nächsten gültigen Werte sind {previousValue} und {nextValue}.',
    'Please select a valid value, the two nearest valid values are {previousValue} and {nextValue}.',
  ],
  // where form-js has no safe answer
  submissionNotObject: ['Die Einsendung muss ein Objekt mit den Feldern des Formulars sein.', 'The submission must be an object holding the fields of the form.'],
  notText: ['Der Wert muss ein Text sein.', 'Value must be text.'],
  notABoolean: ['Der Wert muss wahr oder falsch sein.', 'Value must be true or false.'],
  notAList: ['Der Wert muss eine Liste sein.', 'Value must be a list.'],
  notAGroup: ['Der Wert muss eine Gruppe von Feldern sein.', 'Value must be a group of fields.'],
  invalidValue: ['Der Wert ist für dieses Feld nicht zulässig.', 'Value is not valid for this field.'],
  numberOutOfRange: ['Die Zahl ist zu groß.', 'Number is too large.'],
  tooLong: ['Der Wert ist zu lang (höchstens {value} Zeichen).', 'Value is too long (at most {value} characters).'],
  tooManyItems: ['Zu viele Einträge (höchstens {value}).', 'Too many entries (at most {value}).'],
  notAnOption: ['Der Wert ist keine der angebotenen Auswahlmöglichkeiten.', 'Value is not one of the available options.'],
  invalidDate: ['Der Wert ist kein gültiges Datum (JJJJ-MM-TT).', 'Value is not a valid date (YYYY-MM-DD).'],
  invalidTime: ['Der Wert ist keine gültige Uhrzeit (hh:mm).', 'Value is not a valid time (hh:mm).'],
  invalidDateTime: ['Der Wert ist kein gültiger Zeitpunkt aus Datum und Uhrzeit.', 'Value is not a valid date and time.'],
  pastDate: ['Das Datum darf nicht in der Vergangenheit liegen.', 'Date must not be in the past.'],
  timeInterval: ['Die Uhrzeit muss in Schritten von {value} Minuten angegeben werden.', 'Time must be in steps of {value} minutes.'],
  unknownUpload: ['Zu diesem Feld wurde keine Datei hochgeladen.', 'No file was uploaded for this field.'],
  fileType: ['Dieser Dateityp ist nicht zulässig: {value}.', 'This file type is not allowed: {value}.'],
  tooManyFiles: ['Es ist nur eine Datei zulässig.', 'Only one file is allowed.'],
  listLength: [
    'Die Anzahl der Einträge kann nicht geändert werden (erwartet: {value}).',
    'The number of entries cannot be changed (expected {value}).',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string>>;

/** `de-DE`, `de` and anything unknown read German; `en`, `en-GB` read English. */
export function localeOf(locale: string | undefined): Locale {
  return locale !== undefined && locale.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** Fills in `{name}` placeholders; like form-js's `translate`, an empty value leaves the placeholder. */
export function formatMessage(code: ErrorCode, params: MessageParams | undefined, locale: Locale): string {
  const template: string = MESSAGES[code][locale === 'en' ? 1 : 0];
  if (params === undefined) return template;
  return template.replace(/{([^}]+)}/g, (placeholder, name: string) => (Object.hasOwn(params, name) && params[name] ? params[name] : placeholder));
}
