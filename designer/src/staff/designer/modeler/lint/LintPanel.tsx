/** The lint problems as a list beside the diagram: the accessible twin of the badges, each leading to its element. */
import { useStaffI18n } from '../../../i18n/use-staff-i18n.js';
import type { LintIssue } from './lint-diagram.js';

/** `checking`: a change is not checked yet; the list is the last result, and `aria-busy` says it is being updated. */
export function LintPanel({ issues, checking, nameOf, onShow }: {
  issues: readonly LintIssue[];
  checking: boolean;
  nameOf(elementId: string): string | undefined;
  onShow(elementId: string): void;
}) {
  const { t } = useStaffI18n();
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <section className="lint-panel" aria-labelledby="lint-heading">
      <h2 id="lint-heading">{t('lint.title')}</h2>
      <p role="status" aria-busy={checking} className={errors > 0 ? 'lint-panel__summary lint-panel__summary--error' : 'lint-panel__summary'}>
        {issues.length === 0 ? t('lint.ok') : t('lint.summary', { errors, warnings })}
      </p>
      {issues.length > 0 ? (
        <ul className="lint-panel__list">
          {issues.map((issue, index) => {
            const name = nameOf(issue.elementId);
            return (
              <li key={`${issue.elementId}-${issue.rule}-${index}`} className={`lint-issue lint-issue--${issue.severity}`}>
                <span className="lint-issue__severity">{issue.severity === 'error' ? t('lint.error') : t('lint.warning')}:</span>{' '}
                {name !== undefined ? (
                  <button type="button" className="link-button" onClick={() => onShow(issue.elementId)} aria-label={t('lint.showElement', { element: name })}>
                    {name}
                  </button>
                ) : <span>{t('lint.process')}</span>}
                {' – '}<span lang="en">{issue.message}</span>
                {issue.documentationUrl
                  ? <> (<a href={issue.documentationUrl} target="_blank" rel="noreferrer noopener">{t('lint.rule', { rule: issue.rule })}</a>)</>
                  : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
