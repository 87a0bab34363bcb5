/**
 * The engine's rejection, one entry per problem, each leading to its decision and table cell; the cells at fault are
 * also outlined in the table (by a style rule on their ids, since dmn-js re-renders its cells and drops added classes).
 */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { DmnProblem } from './engine-problems.js';

export function DmnProblemList({ problems, onShow }: { problems: readonly DmnProblem[]; onShow(problem: DmnProblem): void }) {
  const { t } = useStaffI18n();
  if (problems.length === 0) return null;
  const cells = problems.flatMap((problem) => (problem.cellId ? [`.dmn-editor-canvas [data-element-id="${CSS.escape(problem.cellId)}"]`] : []));
  return (
    <section className="lint-panel" aria-labelledby="dmn-problems-heading">
      {cells.length > 0 ? <style>{`${cells.join(', ')} { box-shadow: inset 0 0 0 3px var(--color-error); }`}</style> : null}
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
