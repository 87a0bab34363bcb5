/**
 * The form editor page: form-js's editor beside a live preview, the form's id (what processes link to) and deploying
 * it. The preview is the viewer the portal and the task list show forms with (form-js-viewer 2.0), not the editor's
 * own (1.23), so it shows what citizens and clerks will get.
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import './form-editor-theme.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../../shared/a11y/TextField.js';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { Link } from '../../../shared/routing/router.js';
import { formJsErrors, fromValidator } from '../../../shared/forms/form-field-errors.js';
import { loadValidator } from '../../../shared/forms/load-validator.js';
import { useFormJsLanguage } from '../../../shared/forms/use-form-js-language.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { takeHandedOver } from '../catalogue/pending-file.js';
import { deploymentsApi } from '../deployments-api.js';
import { downloadText } from '../download.js';
import { FormChecks, type PreviewCheck, type SchemaCheck } from './FormChecks.js';
import type { FormSchema } from '../../../../../forms/index.js';
import { newFormSchema } from './new-form.js';
import { useUnsavedChanges } from '../use-unsaved-changes.js';

type Message = { kind: 'success' | 'error'; text: string } | undefined;

const FORM_ID_PATTERN = /^[A-Za-z_][\w.-]*$/;
const PREVIEW_DELAY_MS = 300;

export function FormEditorPage({ formId, version }: { formId?: string; version?: number }) {
  const { t, locale } = useStaffI18n();
  const formJsLanguage = useFormJsLanguage(locale);
  const headingRef = usePageTitle(formId ? t('formEditor.title', { id: formId }) : t('formEditor.titleNew'), t('app.name'));
  const editorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor>(undefined);
  const unsaved = useUnsavedChanges();
  const previewForm = useRef<Form>(undefined);
  const [schemaCheck, setSchemaCheck] = useState<SchemaCheck>();
  const [previewCheck, setPreviewCheck] = useState<PreviewCheck>();
  const [id, setId] = useState(formId ?? '');
  const [idError, setIdError] = useState<string>();
  const [message, setMessage] = useState<Message>();
  const [openedVersion, setOpenedVersion] = useState<number | undefined>(version);
  const [deploying, setDeploying] = useState(false);
  // Taken once per page, not per effect run (React runs effects twice in development).
  const [handedOver] = useState(() => (formId ? undefined : takeHandedOver('form')));

  useEffect(() => {
    const formEditor = new FormEditor({ container: editorRef.current! });
    // The preview in the app's language, as the portal and the task list show the form.
    const preview = new Form({ container: previewRef.current!, additionalModules: formJsLanguage.modules });
    const previewMarkup = formJsLanguage.correctMarkup(previewRef.current!);
    editor.current = formEditor;
    previewForm.current = preview;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The preview and the checks follow the editor; the preview's entries and their check start afresh.
    const showPreview = async () => {
      const schema = formEditor.saveSchema();
      setPreviewCheck(undefined);
      await preview.importSchema(schema).catch(() => undefined);
      try {
        setSchemaCheck((await loadValidator()).checkSchema(schema));
      } catch {
        setSchemaCheck('unavailable');
      }
    };
    formEditor.on('commandStack.changed', unsaved.commandStackChanged);
    formEditor.on('changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void showPreview(), PREVIEW_DELAY_MS);
    });
    const load = async (): Promise<FormSchema> => {
      if (!formId) {
        return handedOver ? (JSON.parse(handedOver) as FormSchema) : newFormSchema();
      }
      const chosen = version ?? (await deploymentsApi.forms()).find((definition) => definition.id === formId)?.latestVersion ?? 1;
      setOpenedVersion(chosen);
      return (await deploymentsApi.formSchema(formId, chosen)) as FormSchema;
    };
    load()
      .then(async (schema) => {
        setId((current) => current || String(schema.id ?? ''));
        await formEditor.importSchema(schema);
        await showPreview();
      })
      .catch((error: Error) => setMessage({ kind: 'error', text: t('modeler.importFailed', { detail: error.message }) }));
    return () => {
      clearTimeout(timer);
      formEditor.destroy();
      previewMarkup.disconnect();
      preview.destroy();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function currentSchema(): FormSchema {
    return { ...(editor.current!.saveSchema() as FormSchema), id };
  }

  function showComponent(componentId: string) {
    const formEditor = editor.current!;
    const field = formEditor.get<{ get(id: string): unknown }>('formFieldRegistry').get(componentId);
    if (field) formEditor.get<{ set(field: unknown): void }>('selection').set(field);
    editorRef.current?.querySelector<HTMLElement>('.fjs-properties-container input, .fjs-properties-container [contenteditable]')?.focus();
  }

  async function checkPreview() {
    const preview = previewForm.current!;
    try {
      const validator = await loadValidator();
      const { data, files } = preview.submit();
      const { errors } = validator.validateSubmission(currentSchema(), data, { locale, files });
      preview._setState({ errors: formJsErrors(fromValidator(errors)) });
      setPreviewCheck({ errors: errors.length });
    } catch {
      setSchemaCheck('unavailable');
    }
  }

  async function deploy() {
    if (Array.isArray(schemaCheck) && schemaCheck.length > 0) {
      setMessage({ kind: 'error', text: t('formEditor.deployBlocked') });
      document.getElementById('form-schema-problems')?.focus();
      return;
    }
    if (!FORM_ID_PATTERN.test(id)) {
      setIdError(t('formEditor.formIdInvalid'));
      document.getElementById('form-id')?.focus();
      return;
    }
    setIdError(undefined);
    setDeploying(true);
    setMessage(undefined);
    try {
      const [deployed] = await deploymentsApi.deploy([{ name: `${id}.form`, content: JSON.stringify(currentSchema(), null, 2), type: 'application/json' }]);
      const definition = deployed.definitions[0];
      setOpenedVersion(definition.version);
      unsaved.saved();
      setMessage({ kind: 'success', text: t('formEditor.deployed', { id: definition.id, version: definition.version }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('formEditor.deployRejected', { detail: (error as Error).message }) });
    } finally {
      setDeploying(false);
    }
  }

  return (
    <div className="form-editor-page">
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>{formId ? t('formEditor.title', { id: formId }) : t('formEditor.titleNew')}</h1>
        <p className="page-heading__meta">{openedVersion ? t('modeler.versionInfo', { version: openedVersion }) : t('modeler.unsaved')} · <Link href="/staff/designer">{t('modeler.backToList')}</Link></p>
      </div>
      <div className="toolbar">
        <TextField id="form-id" label={t('formEditor.formId')} hint={t('formEditor.formIdHint')} value={id} required
          onChange={(event) => setId(event.target.value.trim())} error={idError} autoComplete="off" spellCheck={false} />
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => void deploy()} aria-disabled={deploying}>{t('formEditor.deploy')}</button>
          <button type="button" className="button" onClick={() => {
            downloadText(`${id || 'form'}.form`, JSON.stringify(currentSchema(), null, 2), 'application/json');
            unsaved.saved();
          }}>{t('formEditor.download')}</button>
        </div>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {message ? <p className={`notice notice--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      </div>
      <div className="form-editor-layout">
        <section className="form-editor-pane" aria-labelledby="form-editor-heading">
          <h2 id="form-editor-heading">{t('formEditor.editor')}</h2>
          <div ref={editorRef} className="form-editor-container bio-theme-parent" />
        </section>
        <section className="form-preview-pane" aria-labelledby="form-preview-heading">
          <h2 id="form-preview-heading">{t('formEditor.preview')}</h2>
          <p className="field__hint">{t('formEditor.previewHint')}</p>
          <div ref={previewRef} className="form-preview-container" />
          <FormChecks schemaCheck={schemaCheck} previewCheck={previewCheck} onShowComponent={showComponent} onCheckPreview={() => void checkPreview()} />
        </section>
      </div>
    </div>
  );
}
