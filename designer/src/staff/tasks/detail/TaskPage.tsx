/**
 * One task: what it is about, claim / hand back / assign, the case's files, and its form to complete it. When the
 * task moved on meanwhile (someone else claimed or completed it) the clerk is told so, and the page shows it as it is now.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../../shared/http/api-problem.js';
import { Link } from '../../../shared/routing/router.js';
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { PageNotice, type Notice } from '../../layout/PageNotice.js';
import { caseReference } from '../case-reference.js';
import { tasksApi, type TaskDetail, type TaskSummary } from '../tasks-api.js';
import { CaseData } from './CaseData.js';
import { TaskAttachments } from './TaskAttachments.js';
import { TaskActions } from './TaskActions.js';
import { conflictAssignee, conflictMessage } from './task-conflict.js';

const CompletionForm = lazy(() => import('./form/CompletionForm.js'));

type Loaded =
  | { status: 'loading' }
  | { status: 'open'; detail: TaskDetail }
  /** Completed, gone, or never there: what is left to say is in the notice. */
  | { status: 'ended' };

export function TaskPage({ taskKey }: { taskKey: string }) {
  const { t } = useStaffI18n();
  const formatDate = useDateFormat();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice>();
  const title = loaded.status === 'open'
    ? t('task.heading', { name: loaded.detail.task.name ?? loaded.detail.task.elementId, case: caseReference(loaded.detail.task, t) })
    : t('task.title');
  const headingRef = usePageTitle(title, t('app.name'));

  const explain = useCallback((error: unknown): Notice => {
    const conflict = conflictMessage(error);
    if (conflict) return { kind: 'error', text: t(conflict, { name: conflictAssignee(error) }) };
    if (error instanceof ApiProblem && error.status === 404) return { kind: 'error', text: t('task.notFound') };
    if (error instanceof ApiProblem && error.status === 403) return { kind: 'error', text: t('task.forbidden') };
    return { kind: 'error', text: t('error.generic', { detail: (error as Error).message }) };
  }, [t]);

  const load = useCallback(async (keepNotice = false) => {
    try {
      setLoaded({ status: 'open', detail: await tasksApi.get(taskKey) });
    } catch (error) {
      setLoaded({ status: 'ended' });
      if (!keepNotice) setNotice(explain(error));
    }
  }, [taskKey, explain]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (change: () => Promise<TaskSummary>, success: string) => {
    try {
      await change();
      setNotice({ kind: 'success', text: success });
    } catch (error) {
      setNotice(explain(error));
    }
    await load(true);
  };

  const complete = async (data: Record<string, unknown>) => {
    await tasksApi.complete(taskKey, data);
    setNotice({ kind: 'success', text: t('task.completed') });
    setLoaded({ status: 'ended' });
  };

  const failed = (error: unknown) => {
    setNotice(explain(error));
    void load(true);
  };

  return (
    <article className="task-page">
      <p><Link href="/staff/tasks">{t('task.backToList')}</Link></p>
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      <PageNotice notice={notice} />
      {loaded.status === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
      {loaded.status === 'open' ? (
        <>
          <dl className="facts">
            <dt>{t('task.process')}</dt>
            <dd>{t('task.processVersion', { id: loaded.detail.task.bpmnProcessId, version: loaded.detail.task.processDefinitionVersion })}</dd>
            <dt>{t('task.aktenzeichen')}</dt>
            <dd>{loaded.detail.task.aktenzeichen ?? t('task.noAktenzeichen')}</dd>
            <dt>{t('task.case')}</dt>
            <dd>{loaded.detail.task.processInstanceKey}</dd>
            <dt>{t('task.due')}</dt>
            <dd>{formatDate(loaded.detail.task.dueDate)}</dd>
            <dt>{t('task.assignee')}</dt>
            <dd>{loaded.detail.task.assigneeName ?? loaded.detail.task.assignee ?? t('task.nobody')}</dd>
            <dt>{t('task.departments')}</dt>
            <dd>{loaded.detail.task.candidateGroups.join(', ') || '–'}</dd>
          </dl>
          <TaskActions task={loaded.detail.task} run={run} />
          <TaskAttachments attachments={loaded.detail.attachments} />
          {/* Open where no form shows the case; folded away beside a form. */}
          <CaseData variables={loaded.detail.variables} open={loaded.detail.form === null || loaded.detail.formProblem !== undefined} />
          <TaskFormSection detail={loaded.detail} onComplete={complete} onFailed={failed} />
        </>
      ) : null}
      {loaded.status === 'ended' ? <p><Link href="/staff/tasks">{t('task.toList')}</Link></p> : null}
    </article>
  );
}

function TaskFormSection({ detail, onComplete, onFailed }: {
  detail: TaskDetail;
  onComplete(data: Record<string, unknown> | undefined): Promise<void>;
  onFailed(error: unknown): void;
}) {
  const { t } = useStaffI18n();
  const { task, form, formProblem, variables } = detail;
  const canComplete = task.actions.complete;
  const hint = !canComplete && task.actions.claim ? <p className="field__hint">{t('task.claimToComplete')}</p> : null;
  if (formProblem !== undefined) {
    return (
      <section aria-labelledby="task-form-heading">
        <h2 id="task-form-heading">{t('task.form')}</h2>
        <p className="notice notice--warning">{t('task.formUnavailable')} <span lang="en">{formProblem}</span></p>
      </section>
    );
  }
  return (
    <section aria-labelledby="task-form-heading">
      <h2 id="task-form-heading">{t('task.form')}</h2>
      {hint}
      {form === null ? (
        <>
          <p>{t('task.noForm')}</p>
          {canComplete ? (
            <button type="button" className="button button--primary" onClick={() => void onComplete(undefined).catch(onFailed)}>{t('task.complete')}</button>
          ) : null}
        </>
      ) : (
        <Suspense fallback={<p className="loading" role="status">{t('common.loading')}</p>}>
          <CompletionForm schema={form.schema} variables={variables} canComplete={canComplete} onComplete={onComplete} onFailed={onFailed} />
        </Suspense>
      )}
    </section>
  );
}
