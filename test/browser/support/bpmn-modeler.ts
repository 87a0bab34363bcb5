/**
 * Driving the designer's BPMN modeler as a process manager does: elements are added from the context pad of the
 * selected element (and changed through its "change element" menu), and their properties are set in the Zeebe
 * properties panel. Titles and labels are the German ones of designer/src/staff/designer/modeler/bpmn-translations.ts.
 */
import type { Locator, Page } from 'playwright-core';

export function propertiesPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Eigenschaften des ausgewählten Elements' });
}

export async function selectElement(page: Page, elementId: string): Promise<void> {
  await page.locator(`.modeler-canvas .djs-element[data-element-id="${elementId}"]`).click();
}

/** Appends an element to the selected one from its context pad (e.g. "Aufgabe anhängen"); the new one is selected. */
export async function appendFromContextPad(page: Page, entryTitle: string): Promise<void> {
  await page.locator('.djs-context-pad').getByTitle(entryTitle, { exact: true }).click();
}

/** Changes the selected element's type through the context pad's "Element ändern" menu (e.g. to "Benutzeraufgabe"). */
export async function changeSelectedElement(page: Page, to: string): Promise<void> {
  await page.locator('.djs-context-pad').getByTitle('Element ändern', { exact: true }).click();
  await page.locator('.djs-popup').getByText(to, { exact: true }).click();
}

/** A group of the properties panel (e.g. "Zuweisung"), opened unless it is open. */
export async function openPropertiesGroup(page: Page, title: string): Promise<Locator> {
  const group = propertiesPanel(page).locator('.bio-properties-panel-group')
    .filter({ has: page.locator('.bio-properties-panel-group-header-title').getByText(title, { exact: true }) });
  const header = group.locator('.bio-properties-panel-group-header');
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
  return group;
}

/**
 * Sets a text property of the selected element in the properties panel's group `group`, and leaves the field with Tab
 * as a keyboard user does: that commits the change at once (the panel otherwise waits for a pause in typing), so the
 * context pad is not redrawn under the next click.
 */
export async function setProperty(page: Page, group: string, label: string, value: string): Promise<void> {
  const field = (await openPropertiesGroup(page, group)).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

/** Links a deployed form to the selected start event or user task ("Camunda-Formular (verknüpft)"). */
export async function linkForm(page: Page, formId: string): Promise<void> {
  const group = await openPropertiesGroup(page, 'Formular');
  await group.getByLabel('Typ', { exact: true }).selectOption({ label: 'Camunda-Formular (verknüpft)' });
  await setProperty(page, 'Formular', 'Formular-ID', formId);
}

/** The lint summary once the last change is checked (the panel marks itself `aria-busy` until then). */
export async function checkedLintSummary(page: Page): Promise<string> {
  const summary = page.getByRole('region', { name: 'Prüfung' }).locator('[role="status"][aria-busy="false"]');
  await summary.waitFor();
  return summary.innerText();
}
