/** What dmn-js can show (the DRD and each decision), as buttons; the open one is marked for assistive technology too. */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { DmnView } from './create-dmn-modeler.js';

export function DmnViewTabs({ views, active, onOpen }: { views: readonly DmnView[]; active: DmnView | undefined; onOpen(view: DmnView): void }) {
  const { t } = useStaffI18n();
  if (views.length < 2) return null;
  return (
    <nav className="dmn-views" aria-label={t('dmnEditor.views')}>
      <ul>
        {views.map((view) => {
          const current = view.element === active?.element;
          return (
            <li key={`${view.type}-${view.id}`}>
              <button type="button" className={current ? 'dmn-views__view dmn-views__view--current' : 'dmn-views__view'}
                aria-current={current ? 'true' : undefined} onClick={() => onOpen(view)}>
                <span className="dmn-views__kind">{t(`dmnEditor.view.${view.type}`)}</span>
                {view.type === 'drd' ? null : <span className="dmn-views__name">{view.name || view.id}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
