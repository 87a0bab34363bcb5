/** The filter form of the task list: applied by its button (or Enter), so changing a field moves no focus. */
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../shared/a11y/TextField.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { TaskFilterValues } from './task-query.js';

export function TaskFilters({ values, onApply }: { values: TaskFilterValues; onApply(values: TaskFilterValues): void }) {
  const { t } = useStaffI18n();
  const [draft, setDraft] = useState(values);
  const set = <K extends keyof TaskFilterValues>(name: K, value: TaskFilterValues[K]) => setDraft((current) => ({ ...current, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: 1 });
  };
  return (
    <form className="filters" role="search" aria-label={t('tasks.filters')} onSubmit={apply}>
      <TextField
        type="search" label={t('tasks.filter.aktenzeichen')} hint={t('tasks.filter.aktenzeichenHint')} value={draft.aktenzeichen}
        maxLength={100} autoComplete="off" spellCheck={false} onChange={(event) => set('aktenzeichen', event.target.value)}
      />
      <TextField label={t('tasks.filter.process')} value={draft.process} onChange={(event) => set('process', event.target.value)} />
      <div className="field">
        <label htmlFor="task-filter-assignee">{t('tasks.filter.assignee')}</label>
        <select id="task-filter-assignee" value={draft.assignee} onChange={(event) => set('assignee', event.target.value as TaskFilterValues['assignee'])}>
          <option value="anyone">{t('tasks.filter.assignee.anyone')}</option>
          <option value="me">{t('tasks.filter.assignee.me')}</option>
          <option value="unassigned">{t('tasks.filter.assignee.unassigned')}</option>
        </select>
      </div>
      <TextField type="date" label={t('tasks.filter.dueFrom')} value={draft.dueFrom} onChange={(event) => set('dueFrom', event.target.value)} />
      <TextField type="date" label={t('tasks.filter.dueUntil')} value={draft.dueUntil} onChange={(event) => set('dueUntil', event.target.value)} />
      <div className="field">
        <label htmlFor="task-filter-sort">{t('tasks.filter.sort')}</label>
        <select id="task-filter-sort" value={`${draft.sort}:${draft.order}`} onChange={(event) => {
          const [sort, order] = event.target.value.split(':') as [TaskFilterValues['sort'], TaskFilterValues['order']];
          setDraft((current) => ({ ...current, sort, order }));
        }}>
          <option value="due:asc">{t('tasks.sort.dueAsc')}</option>
          <option value="due:desc">{t('tasks.sort.dueDesc')}</option>
          <option value="created:asc">{t('tasks.sort.createdAsc')}</option>
          <option value="created:desc">{t('tasks.sort.createdDesc')}</option>
        </select>
      </div>
      <div className="filters__apply">
        <button type="submit" className="button">{t('tasks.filter.apply')}</button>
      </div>
    </form>
  );
}
