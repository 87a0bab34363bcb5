/**
 * What `forms/` says of the form being edited, beside its preview: the problems that would make the portal, the task
 * list and the server unable to check it (live, as the form changes; each leads to its field in the editor), and a
 * check of what was entered in the preview, with the server's own rules, its errors shown at the preview's fields.
 */
import type { SchemaProblem } from '../../../../../forms/index.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';

/** The schema's problems; `undefined` while the check loads, `'unavailable'` when it could not. */
export type SchemaCheck = readonly SchemaProblem[] | undefined | 'unavailable';

export interface PreviewCheck {
  errors: number;
}

export function FormChecks({ schemaCheck, previewCheck, onShowComponent, onCheckPreview }: {
  schemaCheck: SchemaCheck;
  previewCheck: PreviewCheck | undefined;
  onShowComponent(componentId: string): void;
  onCheckPreview(): void;
}) {
  const { t } = useStaffI18n();
  return (
    <section className="form-checks" aria-labelledby="form-checks-heading">
      <h2 id="form-checks-heading">{t('formEditor.checks')}</h2>
      <div aria-live="polite">
        {schemaCheck === undefined ? <p className="loading">{t('formEditor.checksLoading')}</p> : null}
        {schemaCheck === 'unavailable' ? <p className="notice notice--warning">{t('formEditor.checksUnavailable')}</p> : null}
        {Array.isArray(schemaCheck) && schemaCheck.length === 0 ? <p className="notice notice--success">{t('formEditor.schemaOk')}</p> : null}
        {Array.isArray(schemaCheck) && schemaCheck.length > 0 ? (
          <div className="notice notice--error" id="form-schema-problems" tabIndex={-1}>
            <p>{t('formEditor.schemaProblems', { count: schemaCheck.length })}</p>
            <ul className="form-checks__problems">
              {schemaCheck.map((problem, index) => (
                <li key={`${problem.pointer}-${index}`}>
                  <span lang="en">{problem.message}</span>{' '}
                  {problem.componentId ? (
                    <button type="button" className="link-button" onClick={() => onShowComponent(problem.componentId)}>
                      {t('formEditor.showComponent', { id: problem.componentId })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <button type="button" className="button" onClick={onCheckPreview} disabled={!Array.isArray(schemaCheck) || schemaCheck.length > 0}>
        {t('formEditor.checkPreview')}
      </button>
      <div aria-live="polite">
        {previewCheck?.errors === 0 ? <p className="notice notice--success">{t('formEditor.previewValid')}</p> : null}
        {previewCheck && previewCheck.errors > 0 ? <p className="notice notice--error">{t('formEditor.previewInvalid', { count: previewCheck.errors })}</p> : null}
      </div>
    </section>
  );
}
