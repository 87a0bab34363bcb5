/** The element instances in the order they started; the first page comes with the instance, more on request. */
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { DataTable } from '../../layout/DataTable.js';
import type { ElementInstance } from '../operations-api.js';

export function HistoryTable({ elements, hasMore, elementName, onMore }: {
  elements: readonly ElementInstance[];
  hasMore: boolean;
  elementName(elementId: string): string;
  onMore(): void;
}) {
  const { t } = useStaffI18n();
  const formatDate = useDateFormat();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('instance.history')}</h2>
      <DataTable caption={t('instance.history')} columns={[t('instance.column.element'), t('instance.column.type'), t('instance.column.state'), t('instance.column.started'), t('instance.column.ended')]}>
        {elements.map((element) => (
          <tr key={element.elementInstanceKey}>
            <th scope="row">{elementName(element.elementId)}</th>
            <td><code>{element.elementType}</code></td>
            <td>{t(`instance.elementState.${element.state}`)}</td>
            <td>{formatDate(element.startTime)}</td>
            <td>{formatDate(element.endTime)}</td>
          </tr>
        ))}
      </DataTable>
      {hasMore ? <button type="button" className="button" onClick={onMore}>{t('instance.moreHistory')}</button> : null}
    </section>
  );
}
