/**
 * Where the instance stands, in words: per element its active tokens and incidents, and the steps it completed (the
 * diagram's overlays as text).
 */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { ActiveElement, CompletedElement } from '../operations-api.js';

export function ActiveElementList({ activeElements, completedElements, elementName }: {
  activeElements: readonly ActiveElement[];
  completedElements: readonly CompletedElement[];
  elementName(elementId: string): string;
}) {
  const { t } = useStaffI18n();
  return (
    <>
      {activeElements.length === 0 ? <p>{t('instance.noActiveElements')}</p> : <ActiveList activeElements={activeElements} elementName={elementName} />}
      {completedElements.length > 0 ? (
        <p className="completed-elements">
          {t('instance.completedSteps')}{' '}
          {completedElements.map((element) => `${elementName(element.elementId)} (${t('instance.completedCount', { count: element.completed })})`).join(', ')}
        </p>
      ) : null}
    </>
  );
}

function ActiveList({ activeElements, elementName }: { activeElements: readonly ActiveElement[]; elementName(elementId: string): string }) {
  const { t } = useStaffI18n();
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
