/**
 * Which processes citizens can start in the portal: the published and withdrawn services, publishing a deployed
 * process (its start event must link a form the server's validator can judge) and withdrawing one.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../shared/http/api-problem.js';
import { TextField } from '../../../shared/a11y/TextField.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { RowButton } from '../../layout/DataTable.js';
import type { Definition } from '../deployments-api.js';
import { servicesApi, type PortalService } from '../services-api.js';

const EMPTY = { processId: '', title: '', description: '', referencePrefix: '' };

export function PortalServicesSection({ processes }: { processes: readonly Definition[] }) {
  const { t } = useStaffI18n();
  const [services, setServices] = useState<PortalService[] | undefined>();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();

  const reload = useCallback(() => servicesApi.list().then(setServices, (error: Error) => setMessage({ kind: 'error', text: error.message })), []);
  useEffect(() => { void reload(); }, [reload]);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!draft.processId) missing.processId = t('designer.services.processRequired');
    if (!draft.title.trim()) missing.title = t('designer.services.titleRequired');
    if (!/^[A-Z]{2,8}$/.test(draft.referencePrefix)) missing.referencePrefix = t('designer.services.prefixInvalid');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await servicesApi.publish({ ...draft, title: draft.title.trim(), description: draft.description.trim() });
      setMessage({ kind: 'success', text: t('designer.services.published', { title: draft.title.trim() }) });
      setDraft(EMPTY);
      await reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setErrors(error.fieldErrors());
      setMessage({ kind: 'error', text: error.detail ?? error.title });
    }
  };

  const withdraw = async (service: PortalService) => {
    await servicesApi.withdraw(service.id);
    setMessage({ kind: 'success', text: t('designer.services.withdrawn', { title: service.title }) });
    await reload();
  };

  return (
    <section aria-labelledby="services-heading" className="catalogue-section">
      <h2 id="services-heading">{t('designer.services')}</h2>
      <p>{t('designer.services.intro')}</p>
      <div role="status" aria-live="polite">
        {message ? <p className={message.kind === 'error' ? 'notice notice--error' : 'notice'}>{message.text}</p> : null}
      </div>
      {services && services.length > 0 ? (
        <table className="definition-table">
          <caption className="visually-hidden">{t('designer.services')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('designer.services.title')}</th>
              <th scope="col">{t('designer.services.process')}</th>
              <th scope="col">{t('designer.services.prefix')}</th>
              <th scope="col">{t('designer.services.state')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id}>
                <th scope="row">{service.title}</th>
                <td>{service.id}</td>
                <td>{service.referencePrefix}</td>
                <td>
                  {service.published ? t('designer.services.isPublished') : t('designer.services.isWithdrawn')}{' '}
                  {service.published ? <RowButton label={t('designer.services.withdraw')} row={service.title} onClick={() => void withdraw(service)} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {services && services.length === 0 ? <p>{t('designer.services.none')}</p> : null}

      <form className="publish-form" onSubmit={(event) => void publish(event)} noValidate aria-labelledby="publish-heading">
        <h3 id="publish-heading">{t('designer.services.publishHeading')}</h3>
        <div className={errors.processId ? 'field field--invalid' : 'field'}>
          <label htmlFor="publish-process">{t('designer.services.process')}<span aria-hidden="true"> *</span></label>
          <select id="publish-process" value={draft.processId} required aria-invalid={errors.processId ? true : undefined}
            aria-describedby={errors.processId ? 'publish-process-error' : undefined}
            onChange={(event) => setDraft({ ...draft, processId: event.target.value })}>
            <option value="">{t('designer.services.chooseProcess')}</option>
            {processes.map((process) => <option key={process.id} value={process.id}>{process.id}</option>)}
          </select>
          {errors.processId ? <p className="field__error" id="publish-process-error">{errors.processId}</p> : null}
        </div>
        <TextField label={t('designer.services.title')} value={draft.title} required maxLength={200} error={errors.title}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
        <TextField label={t('designer.services.description')} value={draft.description} maxLength={2000} error={errors.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
        <TextField label={t('designer.services.prefix')} hint={t('designer.services.prefixHint')} value={draft.referencePrefix} required
          maxLength={8} error={errors.referencePrefix} onChange={(event) => setDraft({ ...draft, referencePrefix: event.target.value.toUpperCase() })} />
        <button type="submit" className="button button--primary">{t('designer.services.publish')}</button>
      </form>
    </section>
  );
}
