/**
 * Issue 7's acceptance, one story in Debian's Chromium, through the apps' pages wherever a person would use them: a
 * process manager designs a start form and a task form, models a small process (start event, a user task for the
 * Fundbüro, end event) and links them, fixes what the designer's check points out, deploys and publishes the service; a citizen on a phone finds it, fills the form, attaches a
 * photo (its upload's progress shown), reviews and sends it and follows the status link; a Fundbüro clerk (and not a Kämmerei clerk) sees the task,
 * claims it, reads what was sent, opens the photo and completes it; operations shows the instance completed, and so
 * does the citizen's status page. Every page passes axe-core without serious or critical violations and runs without
 * CSP violations or page errors; a screenshot of each is kept (`.tmp/browser-artifacts/acceptance-*.png`).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { eventually } from '../../engine/tests/harness.js';
import { DeploymentStore } from '../../server/index.js';
import { createStaff } from '../../server/tests/test-server.js';
import { PNG_BYTES } from '../../server/tests/portal-fixtures.js';
import { appendFromContextPad, changeSelectedElement, checkedLintSummary, linkForm, selectElement, setProperty } from './support/bpmn-modeler.js';
import { launchBrowser, type WatchedPage } from './support/browser.js';
import { designForm } from './support/form-editor.js';
import { checkPage, openPhonePage } from './support/page-check.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { openGermanPage, signInThroughPage, staffApi } from './support/staff-api.js';

jest.setTimeout(300_000);

const SUITE = 'acceptance';
const PROCESS_ID = 'fundsache-melden';
const START_FORM_ID = 'fundsache-melden-start';
const TASK_FORM_ID = 'fundsache-pruefen-form';
const TITLE = 'Fundsache melden';
/** A photo as a phone takes it: large enough that its upload takes a while on a slow connection. */
const PHOTO = Buffer.concat([PNG_BYTES, Buffer.alloc(300 * 1024, 7)]);
const REFERENCE = `FUND-${new Date().getFullYear()}-000001`;

describe('issue 7: from modelling a service to its completed case', () => {
  let platform: Platform;
  let browser: Browser;
  let manager: WatchedPage;
  let citizen: WatchedPage;
  let statusUrl: string;
  let instanceKey: string;

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    await createStaff(platform.server, 'fundbuero.klein', ['clerk'], ['fundbuero']);
    await createStaff(platform.server, 'kaemmerei.gross', ['clerk'], ['kaemmerei']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lets a process manager design the forms, model the process, deploy it and publish the service', async () => {
    manager = await openGermanPage(browser);
    const { page } = manager;
    await signInThroughPage(page, platform, 'prozess.mueller');
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    await checkPage(manager, SUITE, '01-designer-empty');

    // The start form: three fields from form-js's palette, previewed as citizens will see it. Then the clerk's form,
    // which shows what was sent and asks where the item is kept.
    await designForm(manager, START_FORM_ID, [
      { type: 'textfield', label: 'Name der Finderin oder des Finders', key: 'finderName', required: true },
      { type: 'textfield', label: 'Fundort', key: 'fundort' },
      { type: 'filepicker', label: 'Foto der Fundsache', key: 'foto', accept: '.pdf,image/png,image/jpeg' },
    ], { suite: SUITE, step: '02-form-editor-start-form' });
    await designForm(manager, TASK_FORM_ID, [
      { type: 'textfield', label: 'Name der Finderin oder des Finders', key: 'finderName' },
      { type: 'textfield', label: 'Fundort', key: 'fundort' },
      { type: 'textfield', label: 'Lagerort im Fundbüro', key: 'lagerort', required: true },
    ], { suite: SUITE, step: '03-form-editor-task-form' });

    // The process, modelled from the new diagram's start event with the context pad and the properties panel.
    await page.getByRole('button', { name: 'Neuen Prozess modellieren' }).click();
    await page.getByRole('heading', { name: 'Neuer Prozess', level: 1 }).waitFor();
    await page.locator('.modeler-canvas .djs-element[data-element-id="StartEvent_1"]').waitFor();
    // With nothing selected the panel shows the process itself.
    await setProperty(page, 'Allgemein', 'Name', TITLE);
    await setProperty(page, 'Allgemein', 'ID', PROCESS_ID);

    await selectElement(page, 'StartEvent_1');
    await setProperty(page, 'Allgemein', 'Name', 'Fundsache gemeldet');
    await linkForm(page, START_FORM_ID);

    await appendFromContextPad(page, 'Aufgabe anhängen');
    await changeSelectedElement(page, 'Benutzeraufgabe');
    await setProperty(page, 'Allgemein', 'Name', 'Fundsache prüfen');
    await setProperty(page, 'Allgemein', 'ID', 'fundsache-pruefen');
    await setProperty(page, 'Zuweisung', 'Kandidatengruppen', 'fundbuero');

    await appendFromContextPad(page, 'Endereignis anhängen');
    await setProperty(page, 'Allgemein', 'Name', 'Fundsache erfasst');

    // The designer's check points at the one thing left: the user task has no form yet.
    expect(await checkedLintSummary(page)).toBe('Fehler: 0, Warnungen: 1');
    const lintPanel = page.getByRole('region', { name: 'Prüfung' });
    await lintPanel.getByText('must have one extension element of type <zeebe:FormDefinition>', { exact: false }).waitFor();
    await checkPage(manager, SUITE, '04-modeler-with-warning');
    await lintPanel.getByRole('button', { name: 'Element Fundsache prüfen anzeigen' }).click();
    await linkForm(page, TASK_FORM_ID);
    expect(await checkedLintSummary(page)).toBe('Keine Probleme gefunden.');
    await checkPage(manager, SUITE, '05-modeler-checked');
    await page.getByRole('toolbar', { name: 'Prozess-Aktionen' }).getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('status').getByText(`Prozess ${PROCESS_ID} ist als Version 1 bereitgestellt.`).waitFor();

    const xml = (await new DeploymentStore(platform.server.context.sql).content('process', PROCESS_ID, 1))?.content ?? '';
    expect(xml).toContain(`<bpmn:process id="${PROCESS_ID}" name="${TITLE}" isExecutable="true">`);
    expect(xml).toMatch(/<bpmn:startEvent id="StartEvent_1" name="Fundsache gemeldet">\s*<bpmn:extensionElements>\s*<zeebe:formDefinition formId="fundsache-melden-start" \/>/);
    expect(xml).toContain('<bpmn:userTask id="fundsache-pruefen" name="Fundsache prüfen">');
    expect(xml).toContain('<zeebe:assignmentDefinition candidateGroups="fundbuero" />');
    expect(xml).toContain(`<zeebe:formDefinition formId="${TASK_FORM_ID}" />`);
    // A job-based user task, as Zeebe 8.3 runs them (not Camunda 8.5's zeebe:userTask, which the engine rejects).
    expect(xml).not.toContain('zeebe:userTask');
    expect(xml).toContain('<bpmn:endEvent');

    // Published in the portal from the designer's overview.
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    const publishForm = page.getByRole('form', { name: 'Prozess im Portal veröffentlichen' });
    await publishForm.getByLabel('Prozess').selectOption(PROCESS_ID);
    await publishForm.getByLabel('Titel').fill(TITLE);
    await publishForm.getByLabel('Beschreibung').fill('Melden Sie einen Gegenstand, den Sie gefunden haben.');
    await publishForm.getByLabel('Aktenzeichen-Präfix').fill('FUND');
    await publishForm.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByRole('status').getByText(`„${TITLE}“ ist im Portal veröffentlicht.`).waitFor();
    await checkPage(manager, SUITE, '06-designer-published');
  });

  it('lets a citizen on a phone find the service, apply with a photo and follow the status link', async () => {
    citizen = await openPhonePage(browser);
    const { page } = citizen;
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: 'Online-Dienste der Stadtverwaltung', level: 1 }).waitFor();
    await page.getByText('Melden Sie einen Gegenstand, den Sie gefunden haben.').waitFor();
    await checkPage(citizen, SUITE, '07-portal-catalogue');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByLabel(/Name der Finderin oder des Finders/).fill('Erika Mustermann');
    await page.getByLabel('Fundort').fill('Bushaltestelle Marktplatz');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Datei auswählen' }).click()]);
    await chooser.setFiles({ name: 'fundsache.png', mimeType: 'image/png', buffer: PHOTO });
    await checkPage(citizen, SUITE, '08-portal-form');

    await page.getByRole('button', { name: 'Weiter zur Überprüfung' }).click();
    const review = page.getByRole('region', { name: 'Angaben überprüfen' });
    await review.getByText('Erika Mustermann').waitFor();
    await review.getByText('Bushaltestelle Marktplatz').waitFor();
    await review.getByText('fundsache.png').waitFor();
    await checkPage(citizen, SUITE, '09-portal-review');

    // Sent over a slow mobile connection (Chromium's network emulation), the phone shows how much is uploaded.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 400 * 1024, uploadThroughput: 64 * 1024 });
    await review.getByRole('button', { name: 'Antrag absenden' }).click();
    await page.getByRole('progressbar', { name: 'Übertragen:' }).waitFor();
    await page.waitForFunction(() => {
      const shown = document.querySelector<HTMLProgressElement>('progress#upload-progress')?.value ?? 0;
      return shown > 0 && shown < 100;
    });
    await checkPage(citizen, SUITE, '10-portal-uploading');
    await page.getByRole('heading', { name: 'Antrag eingegangen', level: 1 }).waitFor();
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByText(REFERENCE).waitFor();
    await checkPage(citizen, SUITE, '11-portal-receipt');

    await page.getByRole('link', { name: 'Stand Ihres Antrags ansehen' }).click();
    await page.getByRole('heading', { name: 'Stand Ihres Antrags', level: 1 }).waitFor();
    await page.getByText(/^Eingegangen – /).waitFor();
    await page.getByRole('link', { name: /^fundsache\.png herunterladen/ }).waitFor();
    statusUrl = page.url();
    await checkPage(citizen, SUITE, '12-portal-status-received');
  });

  it('shows the task to Fundbüro clerks only; one claims it, reads the application, opens the photo and completes it', async () => {
    // The citizen's case has reached its user task (the list pages load once; a Kämmerei clerk's empty list means
    // something only once the task exists).
    const api = staffApi(platform);
    const asManager = await api.signIn('prozess.mueller');
    await eventually(async () => ((await api.call(asManager, 'get', '/api/tasks')).body.tasks as unknown[]).length === 1 || undefined, 10_000);

    const otherDepartment = await openGermanPage(browser);
    await signInThroughPage(otherDepartment.page, platform, 'kaemmerei.gross');
    await otherDepartment.page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    await otherDepartment.page.getByRole('status').getByText('Gefundene Aufgaben: 0').waitFor();
    await checkPage(otherDepartment, SUITE, '13-tasks-other-department');
    await otherDepartment.page.context().close();

    const clerk = await openGermanPage(browser);
    const { page } = clerk;
    await signInThroughPage(page, platform, 'fundbuero.klein');
    await page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 1').waitFor();
    await checkPage(clerk, SUITE, '14-tasks-queue');

    await page.getByRole('link', { name: 'Fundsache prüfen' }).click();
    await page.getByRole('heading', { name: 'Fundsache prüfen', level: 1 }).waitFor();
    instanceKey = await page.locator('.facts dt', { hasText: 'Vorgang' }).locator('xpath=following-sibling::dd[1]').innerText();
    // What the citizen sent, in the task's form, and their photo among the case's files.
    expect(await page.getByLabel('Fundort').inputValue()).toBe('Bushaltestelle Marktplatz');
    expect(await page.getByLabel('Name der Finderin oder des Finders').inputValue()).toBe('Erika Mustermann');
    const photo = page.getByRole('link', { name: 'fundsache.png' });
    await page.getByText('(image/png, 300 kB)').waitFor();
    await checkPage(clerk, SUITE, '15-task-before-claim');

    await page.getByRole('button', { name: 'Aufgabe übernehmen' }).click();
    await page.getByRole('status').getByText('Sie bearbeiten diese Aufgabe jetzt.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), photo.click()]);
    expect(download.suggestedFilename()).toBe('fundsache.png');
    expect(await streamBytes(await download.createReadStream())).toEqual(PHOTO);

    await page.getByLabel(/Lagerort im Fundbüro/).fill('Regal 3, Fach 12');
    await checkPage(clerk, SUITE, '16-task-claimed');
    await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
    await page.getByRole('status').getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    await checkPage(clerk, SUITE, '17-task-completed');
    await clerk.page.context().close();
  });

  it('shows the process manager the instance completed, and the citizen the case completed', async () => {
    await eventually(async () => (await platform.engine.reads.processInstance(instanceKey))?.state === 'COMPLETED' || undefined, 10_000);
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Betrieb' }).click();
    await page.getByRole('heading', { name: 'Prozessinstanzen', level: 1 }).waitFor();
    await page.getByLabel('Zustand').selectOption('COMPLETED');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Prozessinstanzen: 1, neueste zuerst.').waitFor();
    await checkPage(manager, SUITE, '18-operations-completed-instances');

    await page.getByRole('row', { name: new RegExp(PROCESS_ID) }).getByRole('link', { name: instanceKey }).click();
    await page.getByRole('heading', { name: `Prozessinstanz ${instanceKey}`, level: 1 }).waitFor();
    await page.locator('.facts').getByText('Abgeschlossen').waitFor();
    const history = page.getByRole('table', { name: 'Verlauf' });
    await history.getByRole('row', { name: /Fundsache prüfen USER_TASK Abgeschlossen/ }).waitFor();
    await history.getByRole('row', { name: /Fundsache erfasst END_EVENT Abgeschlossen/ }).waitFor();
    await page.getByText('Kein Schritt ist gerade aktiv.').waitFor();
    await page.locator('.instance-diagram .djs-element[data-element-id="fundsache-pruefen"]').waitFor();
    await checkPage(manager, SUITE, '19-operations-instance');

    await citizen.page.goto(statusUrl);
    await citizen.page.getByRole('heading', { name: 'Stand Ihres Antrags', level: 1 }).waitFor();
    await citizen.page.locator('.case-state').getByText('Abgeschlossen', { exact: true }).waitFor();
    await citizen.page.getByText('Abgeschlossen am').waitFor();
    await checkPage(citizen, SUITE, '20-portal-status-completed');
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
