/**
 * What a citizen is told of a file the portal does not take, in the request's language (its Accept-Language: the
 * portal sends the language it shows; German when none is asked for), as the form's own errors are. The protocol's
 * errors (an unknown part, a missing data part) stay English: they are for whoever writes a client.
 */
import type { Locale } from '../../forms/index.js';

const MESSAGES = {
  de: {
    badName: 'Der Dateiname darf keinen Pfad und keine Steuerzeichen enthalten und höchstens 200 Zeichen lang sein.',
    notAccepted: '{name}: Angenommen werden nur PDF-, PNG-, JPEG- und Textdateien.',
    nameMismatch: '{name}: Der Name passt nicht zum Inhalt der Datei ({contentType}).',
    tooLarge: '{name} ist größer als {megabytes} MB.',
    allTooLarge: 'Die Dateien sind zusammen größer als {megabytes} MB.',
  },
  en: {
    badName: 'The file name must not contain a path or control characters and must be at most 200 characters long.',
    notAccepted: '{name}: only PDF, PNG, JPEG and plain text files are accepted.',
    nameMismatch: '{name}: the name does not fit the file\'s content ({contentType}).',
    tooLarge: '{name} is larger than {megabytes} MB.',
    allTooLarge: 'The files together are larger than {megabytes} MB.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type FileMessage = keyof (typeof MESSAGES)['de'];

export function fileMessage(locale: Locale, message: FileMessage, values: Readonly<Record<string, string>> = {}): string {
  return MESSAGES[locale][message].replace(/{(\w+)}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** Bytes as whole or decimal megabytes (MiB), as the portal states its limits. */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
