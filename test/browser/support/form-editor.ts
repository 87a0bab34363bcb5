/**
 * Driving form-js's editor (the designer's form editor) as a keyboard user does: a palette entry takes Enter and
 * appends its field; a click selects a field; its label, key and required flag are set in form-js's properties panel.
 * And as a mouse user does: a palette entry dragged onto the form. form-js's editor speaks English only
 * (designer/README.md).
 */
import type { Page } from 'playwright-core';
import type { WatchedPage } from './browser.js';
import { checkPage } from './page-check.js';

export interface NewField {
  /** The palette's entry, e.g. `textfield`, `filepicker`. */
  type: string;
  label: string;
  key: string;
  required?: boolean;
  /** A file picker's accepted types, e.g. `.pdf,image/png`. */
  accept?: string;
}

export async function addFormField(page: Page, field: NewField): Promise<void> {
  const fields = page.locator('.form-editor-container .fjs-drop-container-vertical .fjs-element');
  const before = await fields.count();
  await page.locator(`.fjs-palette-field[data-field-type="${field.type}"]`).focus();
  await page.keyboard.press('Enter');
  await fields.nth(before).waitFor();
  await fields.last().click(); // appended last
  const properties = page.locator('.fjs-properties-container');
  await openPropertiesGroup(page, 'General');
  await properties.getByLabel('Key', { exact: true }).fill(field.key);
  await properties.getByRole('textbox', { name: 'Field label' }).fill(field.label);
  if (field.accept) await properties.getByRole('textbox', { name: 'Supported file formats' }).fill(field.accept);
  if (field.required) {
    await openPropertiesGroup(page, 'Validation');
    await properties.getByLabel('Required', { exact: true }).check({ force: true });
  }
  // The preview follows once the editor has taken every change.
  const preview = page.locator('.form-preview-container');
  await preview.getByText(field.required ? `${field.label}*` : field.label, { exact: true }).waitFor();
  if (field.accept) await preview.locator(`input[type="file"][accept="${field.accept}"]`).waitFor({ state: 'attached' });
}

/**
 * Drags a palette entry (e.g. `textarea`) below the form's last field with the mouse, in steps as a hand moves (the
 * editor's dragula starts a drag only on movement after the press).
 */
export async function dragFormFieldToEnd(page: Page, type: string): Promise<void> {
  const source = await page.locator(`.fjs-palette-field[data-field-type="${type}"]`).boundingBox();
  const lastField = await page.locator('.form-editor-container .fjs-drop-container-vertical .fjs-element').last().boundingBox();
  if (!source || !lastField) throw new Error(`no palette entry ${type} or no field on the form to drop below`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  // Into the form's empty space below its fields, which appends.
  await page.mouse.move(lastField.x + lastField.width / 2, lastField.y + lastField.height + 40, { steps: 10 });
  await page.mouse.move(lastField.x + lastField.width / 2, lastField.y + lastField.height + 48, { steps: 2 });
  await page.mouse.up();
}

/** Selects a field of the editor by its id (a click toggles a selection, so only unless it is selected). */
export async function selectFormField(page: Page, componentId: string): Promise<void> {
  const field = page.locator(`.form-editor-container .fjs-element[data-id="${componentId}"]`);
  if (!(await field.getAttribute('class'))?.includes('fjs-editor-selected')) await field.click();
  await field.and(page.locator('.fjs-editor-selected')).waitFor();
}

/** Gives a text field a pattern of its own ("Custom regular expression"; empty for none). */
export async function setFieldPattern(page: Page, componentId: string, pattern: string): Promise<void> {
  await selectFormField(page, componentId);
  await openPropertiesGroup(page, 'Validation');
  await page.locator('.fjs-properties-container').getByRole('textbox', { name: 'Custom regular expression' }).fill(pattern);
}

async function openPropertiesGroup(page: Page, title: string): Promise<void> {
  const header = page.locator('.fjs-properties-container .bio-properties-panel-group-header', { hasText: title });
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/**
 * From the designer's overview: a new form with `fields`, checked and kept as `<suite>-<step>.png` (page-check.ts),
 * deployed as version 1; back on the overview at the end.
 */
export async function designForm(watched: WatchedPage, formId: string, fields: NewField[], screenshot: { suite: string; step: string }): Promise<void> {
  const { page } = watched;
  await page.getByRole('button', { name: 'Neues Formular gestalten' }).click();
  await page.getByRole('heading', { name: 'Neues Formular', level: 1 }).waitFor();
  await page.getByLabel('Formular-ID').fill(formId);
  for (const field of fields) await addFormField(page, field);
  await checkPage(watched, screenshot.suite, screenshot.step);
  await page.getByRole('button', { name: 'Formular bereitstellen' }).click();
  await page.getByRole('status').getByText(`Formular ${formId} ist als Version 1 bereitgestellt.`).waitFor();
  await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
  await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
}
