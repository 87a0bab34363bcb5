/** The instance's incidents, open ones first, each open one with a retry (fix the cause first: a variable, a worker). */
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { DataTable, RowButton } from '../../layout/DataTable.js';
import type { Incident } from '../operations-api.js';

export function IncidentList({ incidents, elementName, onRetry }: {
  incidents: readonly Incident[];
  elementName(elementId: string): string;
  onRetry(incident: Incident): void;
}) {
  const { t } = useStaffI18n();
  const formatDate = useDateFormat();
  const sorted = [...incidents].sort((a, b) => Number(a.state !== 'ACTIVE') - Number(b.state !== 'ACTIVE'));
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">{t('instance.incidents')}</h2>
      {sorted.length === 0 ? <p>{t('instance.noIncidents')}</p> : (
        <DataTable caption={t('instance.incidents')} columns={[t('instance.column.element'), t('instance.column.error'), t('instance.column.since'), t('instance.column.state'), '']} actionsLabel={t('instance.column.actions')}>
          {sorted.map((incident) => (
            <tr key={incident.incidentKey}>
              <th scope="row">{elementName(incident.elementId)}</th>
              <td><code>{incident.errorType}</code> <span lang="en">{incident.errorMessage}</span></td>
              <td>{formatDate(incident.createdAt)}</td>
              <td>{incident.state === 'ACTIVE' ? t('instance.incidentOpen') : t('instance.incidentResolved', { at: formatDate(incident.resolvedAt) })}</td>
              <td>
                {incident.state === 'ACTIVE' ? <RowButton label={t('instance.retry')} row={`(${elementName(incident.elementId)})`} onClick={() => onRetry(incident)} /> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
