/** Claim, hand back and assign: what the server says the caller may do with the task now (`actions`). */
import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../../shared/a11y/TextField.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { tasksApi, type TaskDetail, type TaskSummary } from '../tasks-api.js';

export interface TaskActionsProps {
  task: TaskDetail['task'];
  /** Runs a change; the page shows its outcome and loads the task again. */
  run(change: () => Promise<TaskSummary>, success: string): Promise<void>;
}

export function TaskActions({ task, run }: TaskActionsProps) {
  const { t } = useStaffI18n();
  const [assignee, setAssignee] = useState('');
  const [assigneeError, setAssigneeError] = useState<string>();
  const headingId = useId();
  const { actions } = task;
  if (!actions.claim && !actions.unclaim && !actions.assign) return null;

  const assign = (event: FormEvent) => {
    event.preventDefault();
    const name = assignee.trim();
    if (name === '') {
      setAssigneeError(t('task.assigneeRequired'));
      return;
    }
    setAssigneeError(undefined);
    void run(() => tasksApi.assign(task.key, name), t('task.assigned', { name }));
  };

  return (
    <section className="task-actions" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">{t('task.actions')}</h2>
      <div className="task-actions__buttons">
        {actions.claim ? (
          <button type="button" className="button button--primary" onClick={() => void run(() => tasksApi.claim(task.key), t('task.claimed'))}>
            {t('task.claim')}
          </button>
        ) : null}
        {actions.unclaim ? (
          <button type="button" className="button" onClick={() => void run(() => tasksApi.unclaim(task.key), t('task.unclaimed'))}>
            {t('task.unclaim')}
          </button>
        ) : null}
      </div>
      {actions.assign ? (
        <form className="task-actions__assign" onSubmit={assign} noValidate>
          <TextField label={t('task.assignTo')} hint={t('task.assignToHint')} value={assignee} error={assigneeError}
            onChange={(event) => setAssignee(event.target.value)} autoComplete="off" />
          <button type="submit" className="button">{t('task.assign')}</button>
        </form>
      ) : null}
    </section>
  );
}
