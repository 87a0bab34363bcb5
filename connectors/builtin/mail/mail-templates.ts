/**
 * Mail templates: one subject and text (optionally HTML) per language, with `{{ path.to.value }}` placeholders filled
 * from the task's variables. A language the template lacks falls back to German. Right-to-left languages (Arabic ...)
 * get `dir="rtl"` in the HTML part, which is generated from the text when the template has none.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermanentFailure } from '../../sdk/connector-error.js';

export interface MailText {
  subject: string;
  text: string;
  html?: string;
}

export interface MailTemplate {
  id: string;
  description?: string;
  /** By language code (`de`, `en`, `tr`, `uk`, `ar` ...); `de` must be present, it is the fallback. */
  translations: Record<string, MailText>;
}

export interface RenderedMail {
  language: string;
  direction: 'ltr' | 'rtl';
  subject: string;
  text: string;
  html: string;
}

export const FALLBACK_LANGUAGE = 'de';
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;

/** The templates shipped with amtsflow, in `templates/` beside this file. */
export const BUILTIN_MAIL_TEMPLATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export class MailTemplateCatalog {
  private readonly templates = new Map<string, MailTemplate>();

  constructor(templates: MailTemplate[]) {
    for (const template of templates) {
      if (!template.translations[FALLBACK_LANGUAGE]) throw new TypeError(`Mail template '${template.id}' has no German (de) text`);
      this.templates.set(template.id, template);
    }
  }

  /** Every `<id>.json` in the directories; later directories override earlier ones with the same id. */
  static async fromDirectories(directories: string[]): Promise<MailTemplateCatalog> {
    const templates = new Map<string, MailTemplate>();
    for (const directory of directories) {
      for (const file of (await readdir(directory)).filter((name) => name.endsWith('.json')).sort()) {
        const template = JSON.parse(await readFile(path.join(directory, file), 'utf8')) as MailTemplate;
        templates.set(template.id, template);
      }
    }
    return new MailTemplateCatalog([...templates.values()]);
  }

  get ids(): string[] {
    return [...this.templates.keys()].sort();
  }

  get languages(): string[] {
    return [...new Set([...this.templates.values()].flatMap((template) => Object.keys(template.translations)))].sort();
  }

  render(id: string, requestedLanguage: string, variables: Record<string, unknown>): RenderedMail {
    const template = this.templates.get(id);
    if (!template) throw new PermanentFailure(`There is no mail template '${id}'`);
    const language = template.translations[requestedLanguage] ? requestedLanguage : FALLBACK_LANGUAGE;
    const texts = template.translations[language];
    const direction = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
    const fill = (text: string, escape: (value: string) => string) => fillPlaceholders(text, variables, escape, `${id} (${language})`);
    const text = fill(texts.text, (value) => value);
    const body = texts.html ? fill(texts.html, escapeHtml) : textToHtml(text);
    return {
      language,
      direction,
      subject: fill(texts.subject, (value) => value.replace(/[\r\n]+/g, ' ')),
      text,
      html: `<!DOCTYPE html><html lang="${language}" dir="${direction}"><head><meta charset="utf-8"></head><body dir="${direction}">${body}</body></html>`,
    };
  }
}

function fillPlaceholders(text: string, variables: Record<string, unknown>, escape: (value: string) => string, where: string): string {
  return text.replace(PLACEHOLDER, (_match, variablePath: string) => {
    const value = variablePath.split('.').reduce<unknown>((scope, key) => (scope !== null && typeof scope === 'object' ? (scope as Record<string, unknown>)[key] : undefined), variables);
    if (value === undefined || value === null) throw new PermanentFailure(`Mail template ${where} needs the variable '${variablePath}'`);
    return escape(typeof value === 'object' ? JSON.stringify(value) : String(value));
  });
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function textToHtml(text: string): string {
  return text.split(/\n{2,}/).map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('');
}
