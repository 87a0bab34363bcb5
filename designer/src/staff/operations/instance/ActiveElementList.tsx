/** Where the instance stands, in words: per element its active tokens and incidents (the diagram's overlays as text). */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { ActiveElement } from '../operations-api.js';

export function ActiveElementList({ activeElements, elementName }: { activeElements: readonly ActiveElement[]; elementName(elementId: string): string }) {
  const { t } = useStaffI18n();
  if (activeElements.length === 0) return <p>{t('instance.noActiveElements')}</p>;
  return (
    <ul className="active-elements">
      {activeElements.map((element) => (
        <li key={element.elementId}>
          {elementName(element.elementId)}: {t('instance.tokens', { count: element.active })}
          {element.incidents > 0 ? <strong>, {t('instance.incidentCount', { count: element.incidents })}</strong> : null}
        </li>
      ))}
    </ul>
  );
}
