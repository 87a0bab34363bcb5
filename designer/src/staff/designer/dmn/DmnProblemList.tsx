/** The engine's rejection, one entry per problem, each leading to its decision and table cell. */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { DmnProblem } from './engine-problems.js';

export function DmnProblemList({ problems, onShow }: { problems: readonly DmnProblem[]; onShow(problem: DmnProblem): void }) {
  const { t } = useStaffI18n();
  if (problems.length === 0) return null;
  return (
    <section className="lint-panel" aria-labelledby="dmn-problems-heading">
      <h2 id="dmn-problems-heading">{t('dmnEditor.problems')}</h2>
      <ul className="lint-panel__list">
        {problems.map((problem, index) => {
          const where = [problem.elementId, ...(problem.path?.split(' > ') ?? [])].join(' › ');
          return (
            <li key={`${where}-${index}`} className="lint-issue lint-issue--error">
              <span className="lint-issue__severity">{t('lint.error')}:</span>{' '}
              {problem.decisionId ? (
                <button type="button" className="link-button" onClick={() => onShow(problem)}>
                  {problem.cellId ? t('dmnEditor.showCell', { element: where }) : t('dmnEditor.showDecision', { element: where })}
                </button>
              ) : <span>{where}</span>}
              {problem.message ? <>{' – '}<span lang="en">{problem.message}</span></> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
