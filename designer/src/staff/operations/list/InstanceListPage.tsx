/** Process instances, newest first, by process, version and state, page by page (the server's cursor). */
import { DataTable } from '../../layout/DataTable.js';
import { useEffect, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { Link, useRouter } from '../../../shared/routing/router.js';
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { InstanceStateLabel } from '../InstanceStateLabel.js';
import { operationsApi, type InstanceSummary } from '../operations-api.js';
import { InstanceFilters } from './InstanceFilters.js';
import { instanceFilterOf, instanceQueryOf, instanceSearchOf, type InstanceFilterValues } from './instance-query.js';

export function InstanceListPage() {
  const { t } = useStaffI18n();
  const { search, navigate } = useRouter();
  const formatDate = useDateFormat();
  const headingRef = usePageTitle(t('operations.title'), t('app.name'));
  const values = instanceFilterOf(search);
  const [page, setPage] = useState<{ instances: InstanceSummary[]; nextCursor: string | null }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setError(undefined);
    operationsApi.instances(instanceQueryOf(instanceFilterOf(search))).then(
      (answer) => current && setPage(answer),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [search]);

  const show = (next: InstanceFilterValues) => navigate(`/staff/operations${instanceSearchOf(next)}`);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('operations.title')}</h1>
      <InstanceFilters key={search} values={values} onApply={show} />
      {error ? <p className="notice notice--error" role="alert">{t('operations.loadFailed', { detail: error })}</p> : null}
      <p role="status" className="list-status">
        {page ? (page.instances.length === 0 ? t('operations.none') : t('operations.shown', { count: page.instances.length })) : t('common.loading')}
      </p>
      {page && page.instances.length > 0 ? (
        <DataTable caption={t('operations.title')} columns={[t('operations.column.instance'), t('operations.column.process'), t('operations.column.version'), t('operations.column.state'), t('operations.column.started'), t('operations.column.ended')]}>
          {page.instances.map((instance) => (
            <tr key={instance.processInstanceKey}>
              <th scope="row"><Link href={`/staff/operations/instances/${instance.processInstanceKey}`}>{instance.processInstanceKey}</Link></th>
              <td>{instance.bpmnProcessId}</td>
              <td>{instance.version}</td>
              <td><InstanceStateLabel instance={instance} /></td>
              <td>{formatDate(instance.startTime)}</td>
              <td>{formatDate(instance.endTime)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {values.cursor || page?.nextCursor ? (
        <nav className="pager" aria-label={t('common.pages')}>
          {values.cursor ? <Link href={`/staff/operations${instanceSearchOf({ ...values, cursor: '' })}`}>{t('operations.newest')}</Link> : null}
          {page?.nextCursor ? <Link href={`/staff/operations${instanceSearchOf({ ...values, cursor: page.nextCursor })}`}>{t('operations.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
