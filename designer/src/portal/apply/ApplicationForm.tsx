/**
 * Filling in a service's form, reviewing it and sending it. The form is form-js's viewer; the data is checked with
 * the validator the server uses (`forms/`) before anything is sent, and the server's field errors come back to their
 * fields. A chunk of its own: the viewer loads only when a form is opened, the validator once the citizen starts
 * filling it in (`load-validator.ts`).
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormSchema } from '../../../../forms/index.js';
import { ErrorSummary } from '../../shared/a11y/ErrorSummary.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { newIdempotencyKey, portalApi, type Receipt, type ServiceForm } from '../portal-api.js';
import { UploadProgress } from '../UploadProgress.js';
import { formatDate, usePortalI18n } from '../use-portal-i18n.js';
import { useFormJsLanguage } from '../../shared/forms/use-form-js-language.js';
import { loadValidator } from '../../shared/forms/load-validator.js';
import { componentsByPath, formJsErrors, fromServer, fromValidator, summaryEntries, summaryFields, type FormFieldProblem } from '../../shared/forms/form-field-errors.js';
import { reviewEntries, type ReviewEntry } from './review-entries.js';
import { SectionedForm } from './sectioned-form.js';
import type { PortalMessageKey } from '../portal-messages.js';

export interface ApplicationFormProps {
  serviceForm: ServiceForm;
  onReceived(receipt: Receipt): void;
}

interface Checked {
  data: Record<string, unknown>;
  files: Map<string, File[]>;
  entries: ReviewEntry[];
}

export default function ApplicationForm({ serviceForm, onReceived }: ApplicationFormProps) {
  const { t, locale } = usePortalI18n();
  const { schema, formKey, service } = serviceForm;
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<SectionedForm | null>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  /** The current `review`, for the form's own submit event. */
  const reviewRef = useRef<() => void>(() => undefined);
  const formJsLanguage = useFormJsLanguage(locale);
  // One key per attempt: a retry after a lost answer is recognised by the server and never makes a second application.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [problems, setProblems] = useState<FormFieldProblem[]>([]);
  const [checked, setChecked] = useState<Checked>();
  const [busy, setBusy] = useState(false);
  /** How much of the application and its files is uploaded, 0 to 1, while it is being sent. */
  const [uploaded, setUploaded] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const [checkFailed, setCheckFailed] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const byPath = useMemo(() => componentsByPath(schema), [schema]);
  const fields = useMemo(() => summaryFields(schema), [schema]);
  const summary = useMemo(() => summaryEntries(problems, fields, (componentId) => formRef.current?.formIdOf(componentId) ?? ''), [problems, fields]);

  useEffect(() => {
    const form = new SectionedForm(containerRef.current!, schema as unknown as FormSchema, { additionalModules: formJsLanguage.modules });
    formRef.current = form;
    const markup = formJsLanguage.correctMarkup(containerRef.current!);
    form.render().catch((error: Error) => setLoadError(error.message));
    // A submit button the form brings itself leads to the review, as ours does; form-js alone would only check the
    // form and do nothing more. Enter in a field never does: the browser would submit only those sections that hold a
    // single field, and a date field takes Enter to confirm the date typed.
    const container = containerRef.current!;
    const toReview = (event: Event) => {
      event.preventDefault();
      reviewRef.current();
    };
    const noImplicitSubmission = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
    };
    container.addEventListener('submit', toReview);
    container.addEventListener('keydown', noImplicitSubmission);
    return () => {
      container.removeEventListener('submit', toReview);
      container.removeEventListener('keydown', noImplicitSubmission);
      markup.disconnect();
      form.destroy();
      formRef.current = null;
    };
  }, [schema, formJsLanguage]);

  // The review is a step of its own: it names itself in the title and takes the focus; back in the form, the first
  // field does.
  const reviewing = checked !== undefined;
  const wasReviewing = useRef(false);
  useEffect(() => {
    if (!reviewing && !wasReviewing.current) return; // the form as first shown: ServicePage named the page
    const pageTitle = `${service.title} – ${t('portal.name')}`;
    document.title = reviewing ? `${t('apply.reviewTitle')} – ${pageTitle}` : pageTitle;
  }, [reviewing, service.title, t]);
  useEffect(() => {
    if (reviewing === wasReviewing.current) return;
    wasReviewing.current = reviewing;
    if (reviewing) reviewHeadingRef.current?.focus();
    // Back after the server's field errors, the error summary has taken the focus already.
    else if (!document.activeElement?.closest('.error-summary')) containerRef.current?.querySelector<HTMLElement>('input:not([type=file]), textarea, select, button')?.focus();
  }, [reviewing]);

  const show = (shown: FormFieldProblem[]) => {
    formRef.current?.showErrors(formJsErrors(shown));
    setProblems(shown);
  };

  const review = async () => {
    const form = formRef.current;
    if (!form) return;
    setFailure(undefined);
    const { data, files } = form.submit();
    let validator;
    try {
      validator = await loadValidator();
      setCheckFailed(false);
    } catch {
      setCheckFailed(true);
      return;
    }
    const result = validator.validateSubmission(schema as unknown as FormSchema, data, { locale, files });
    if (result.errors.length > 0) {
      show(fromValidator(result.errors));
      return;
    }
    show([]);
    const words = { yes: t('apply.yes'), no: t('apply.no'), date: (isoDate: string) => formatDate(isoDate, locale) };
    setChecked({ data, files, entries: reviewEntries((schema as unknown as FormSchema).components, result.data, files, words) });
  };
  reviewRef.current = review;

  const send = async () => {
    if (!checked || busy) return;
    setBusy(true);
    setFailure(undefined);
    setUploaded(0);
    try {
      const named = namedFiles(checked.data, checked.files);
      onReceived(await portalApi.submit(service.id, { data: checked.data, formKey, files: named, idempotencyKey: idempotencyKey.current, locale }, setUploaded));
    } catch (error) {
      // A definite answer ends the attempt; after a lost one (network, 503, still in progress) the same key retries it.
      const definite = error instanceof ApiProblem && error.status !== 503 && error.slug !== 'submission-in-progress';
      if (definite) idempotencyKey.current = newIdempotencyKey();
      // Field errors (a refused file's too) go back to the form, at their fields.
      if (error instanceof ApiProblem && (error.status === 400 || error.status === 422) && error.errors.length > 0) {
        setChecked(undefined);
        show(fromServer(error.errors, byPath, checked.data));
      } else {
        setFailure(failureMessage(error, t));
      }
    } finally {
      setBusy(false);
      setUploaded(undefined);
    }
  };

  return (
    <div className="application">
      {checked ? null : <ErrorSummary title={t('apply.errorSummary')} errors={summary} />}
      {loadError ? <p className="notice notice--error" role="alert">{t('apply.formFailed', { detail: loadError })}</p> : null}
      {/* Focus anywhere in the form: the citizen has started, time to fetch the validator the review needs. */}
      <div hidden={checked !== undefined} onFocus={() => void loadValidator().catch(() => {})}>
        <p className="application__required">{t('apply.requiredNote')}</p>
        <div className="application__form" ref={containerRef} />
        {checkFailed ? <p className="notice notice--error" role="alert">{t('apply.checkUnavailable')}</p> : null}
        <button type="button" className="button button--primary" onClick={() => void review()}>{t('apply.toReview')}</button>
      </div>
      {checked ? (
        <section className="review" aria-labelledby="review-title">
          <h2 id="review-title" ref={reviewHeadingRef} tabIndex={-1}>{t('apply.reviewTitle')}</h2>
          <p>{t('apply.reviewIntro')}</p>
          <dl className="review__list">
            {checked.entries.map((entry, index) => (
              <div key={index} className="review__entry">
                <dt>{entry.label}</dt>
                <dd>{entry.value || <span className="review__empty">{t('apply.notAnswered')}</span>}</dd>
              </div>
            ))}
          </dl>
          {failure ? <p className="notice notice--error" role="alert">{failure}</p> : null}
          {uploaded !== undefined ? <UploadProgress fraction={uploaded} /> : null}
          <div className="review__actions">
            <button type="button" className="button" onClick={() => setChecked(undefined)} disabled={busy}>{t('apply.change')}</button>
            <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void send()}>
              {busy ? t('apply.sending') : t('apply.send')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Only the files the data still names (a picker's files stay registered after it is hidden or cleared). */
function namedFiles(data: unknown, files: ReadonlyMap<string, File[]>): Map<string, File[]> {
  const named = new Map<string, File[]>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && files.has(value)) named.set(value, files.get(value)!);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(data);
  return named;
}

function failureMessage(error: unknown, t: (key: PortalMessageKey, replacements?: Record<string, string>) => string): string {
  if (error instanceof ApiProblem) {
    if (error.slug === 'form-outdated') return t('apply.outdated');
    if (error.status === 404) return t('apply.notFound');
    if (error.status === 413) return t('apply.tooLarge');
    if (error.status === 503 || error.slug === 'submission-in-progress') return t('apply.retry');
    if (error.status === 409) return t('apply.unavailable');
    if (error.status === 422) return t('apply.serverErrors');
  }
  if (error instanceof TypeError) return t('apply.retry'); // fetch failed: offline, or the answer was lost
  return t('portal.failed', { detail: (error as Error).message });
}
