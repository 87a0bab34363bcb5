/** The instance's incidents, open ones first, each open one with a retry (fix the cause first: a variable, a worker). */
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
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
        <table className="data-table">
          <caption className="visually-hidden">{t('instance.incidents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('instance.column.element')}</th>
              <th scope="col">{t('instance.column.error')}</th>
              <th scope="col">{t('instance.column.since')}</th>
              <th scope="col">{t('instance.column.state')}</th>
              <th scope="col"><span className="visually-hidden">{t('instance.column.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((incident) => (
              <tr key={incident.incidentKey}>
                <th scope="row">{elementName(incident.elementId)}</th>
                <td><code>{incident.errorType}</code> <span lang="en">{incident.errorMessage}</span></td>
                <td>{formatDate(incident.createdAt)}</td>
                <td>{incident.state === 'ACTIVE' ? t('instance.incidentOpen') : t('instance.incidentResolved', { at: formatDate(incident.resolvedAt) })}</td>
                <td>
                  {incident.state === 'ACTIVE' ? (
                    <button type="button" className="button" onClick={() => onRetry(incident)}>
                      {t('instance.retry')}<span className="visually-hidden"> ({elementName(incident.elementId)})</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
