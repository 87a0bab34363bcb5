/**
 * A task's form in form-js's viewer, opened with the process variables, and completing it: the data is checked with
 * the validator the server uses (`forms/`) before it is sent, and the server's field errors come back to their
 * fields. A chunk of its own: the viewer and the validator load only when a task is opened.
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorSummary } from '../../../../shared/a11y/ErrorSummary.js';
import { ApiProblem } from '../../../../shared/http/api-problem.js';
import { useStaffI18n } from '../../../i18n/use-staff-i18n.js';
import { checkInBrowser } from './check-in-browser.js';
import { useFormJsLanguage } from '../../../../shared/forms/use-form-js-language.js';
import { componentsByPath, formJsErrors, fromServer, summaryEntries, summaryFields, type FormFieldProblem } from '../../../../shared/forms/form-field-errors.js';

export interface CompletionFormProps {
  schema: Record<string, unknown>;
  /** The process variables: the form's initial data, and what its conditions and expressions read. */
  variables: Record<string, unknown>;
  /** Whether the caller may complete the task now; otherwise the form is shown read-only. */
  canComplete: boolean;
  /** Sends the data; a 422 `ApiProblem` with field errors is shown at the fields, any other failure goes to `onFailed`. */
  onComplete(data: Record<string, unknown>): Promise<void>;
  onFailed(error: unknown): void;
}

export default function CompletionForm({ schema, variables, canComplete, onComplete, onFailed }: CompletionFormProps) {
  const { t, locale } = useStaffI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const formJsLanguage = useFormJsLanguage(locale);
  const [problems, setProblems] = useState<FormFieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const byPath = useMemo(() => componentsByPath(schema), [schema]);
  const fields = useMemo(() => summaryFields(schema), [schema]);
  // Kept as long as the problems are: the summary takes the focus whenever it gets new errors.
  const summary = useMemo(() => summaryEntries(problems, fields, () => formRef.current?._id ?? ''), [problems, fields]);

  useEffect(() => {
    const form = new Form({ container: containerRef.current!, properties: { readOnly: !canComplete }, additionalModules: formJsLanguage.modules });
    formRef.current = form;
    const markup = formJsLanguage.correctMarkup(containerRef.current!);
    form.importSchema(schema as never, variables).catch((error: Error) => setLoadError(error.message));
    return () => {
      markup.disconnect();
      form.destroy();
      formRef.current = null;
    };
  }, [schema, variables, canComplete, formJsLanguage]);

  const show = (shown: FormFieldProblem[]) => {
    formRef.current?._setState({ errors: formJsErrors(shown) });
    setProblems(shown);
  };

  const complete = async () => {
    const form = formRef.current;
    if (!form || busy) return;
    const { data } = form.submit();
    const found = checkInBrowser({ schema, data, variables, locale });
    if (found.length > 0) {
      show(found);
      return;
    }
    show([]);
    setBusy(true);
    try {
      await onComplete(data);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) show(fromServer(error.errors, byPath));
      else onFailed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="completion-form">
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      {loadError ? <p className="notice notice--error" role="alert">{t('task.formFailed', { detail: loadError })}</p> : null}
      <div className="completion-form__viewer" ref={containerRef} />
      {canComplete ? (
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void complete()}>
          {busy ? t('task.completing') : t('task.complete')}
        </button>
      ) : null}
    </div>
  );
}
