/** The clerk's queue: the open tasks of their departments (process managers: all), filtered, sorted and paged. */
import { DataTable } from '../../layout/DataTable.js';
import { useEffect, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { Link, useRouter } from '../../../shared/routing/router.js';
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { caseReference } from '../case-reference.js';
import { tasksApi, type TaskPage } from '../tasks-api.js';
import { TaskFilters } from './TaskFilters.js';
import { filterValuesOf, PAGE_SIZE, queryOf, searchOf, type TaskFilterValues } from './task-query.js';

export function TaskListPage() {
  const { t } = useStaffI18n();
  const { search, navigate } = useRouter();
  const formatDate = useDateFormat();
  const headingRef = usePageTitle(t('tasks.title'), t('app.name'));
  const values = filterValuesOf(search);
  const [page, setPage] = useState<TaskPage>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setError(undefined);
    tasksApi.list(queryOf(filterValuesOf(search))).then(
      (answer) => current && setPage(answer),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [search]);

  const show = (next: TaskFilterValues) => navigate(`/staff/tasks${searchOf(next)}`);
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('tasks.title')}</h1>
      <TaskFilters key={search} values={values} onApply={show} />
      {error ? <p className="notice notice--error" role="alert">{t('tasks.loadFailed', { detail: error })}</p> : null}
      <p role="status" className="list-status">{page ? t('tasks.count', { count: page.total }) : t('common.loading')}</p>
      {page && page.tasks.length > 0 ? (
        <DataTable caption={t('tasks.title')} columns={[t('tasks.column.task'), t('tasks.column.aktenzeichen'), t('tasks.column.process'), t('tasks.column.due'), t('tasks.column.assignee'), t('tasks.column.created')]}>
          {page.tasks.map((task) => (
            <tr key={task.key}>
              <th scope="row"><Link href={`/staff/tasks/${task.key}`}>
                  {task.name ?? task.elementId}<span className="visually-hidden"> ({caseReference(task, t)})</span>
                </Link></th>
              <td className="case-reference">{caseReference(task, t)}</td>
              <td>{task.bpmnProcessId}</td>
              <td>{formatDate(task.dueDate)}</td>
              <td>{task.assigneeName ?? task.assignee ?? t('task.nobody')}</td>
              <td>{formatDate(task.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {pages > 1 ? (
        <nav className="pager" aria-label={t('common.pages')}>
          {values.page > 1 ? <Link href={`/staff/tasks${searchOf({ ...values, page: values.page - 1 })}`}>{t('common.previousPage')}</Link> : null}
          <span>{t('common.pageOf', { page: values.page, pages })}</span>
          {values.page < pages ? <Link href={`/staff/tasks${searchOf({ ...values, page: values.page + 1 })}`}>{t('common.nextPage')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
