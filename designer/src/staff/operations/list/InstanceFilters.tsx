/** The filter form of the instance list: process, version and state; applied by its button (or Enter). */
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../shared/a11y/TextField.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { STATE_FILTERS, type InstanceFilterValues } from './instance-query.js';

export function InstanceFilters({ values, onApply }: { values: InstanceFilterValues; onApply(values: InstanceFilterValues): void }) {
  const { t } = useStaffI18n();
  const [draft, setDraft] = useState(values);
  const [versionError, setVersionError] = useState<string>();
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.version !== '' && !/^[1-9]\d{0,8}$/.test(draft.version)) {
      setVersionError(t('operations.filter.versionInvalid'));
      return;
    }
    setVersionError(undefined);
    onApply({ ...draft, cursor: '' });
  };
  return (
    <form className="filters" role="search" aria-label={t('operations.filters')} onSubmit={apply} noValidate>
      <TextField label={t('operations.filter.process')} value={draft.bpmnProcessId}
        onChange={(event) => setDraft({ ...draft, bpmnProcessId: event.target.value })} />
      <TextField label={t('operations.filter.version')} inputMode="numeric" value={draft.version} error={versionError}
        onChange={(event) => setDraft({ ...draft, version: event.target.value })} />
      <div className="field">
        <label htmlFor="instance-filter-state">{t('operations.filter.state')}</label>
        <select id="instance-filter-state" value={draft.state} onChange={(event) => setDraft({ ...draft, state: event.target.value as InstanceFilterValues['state'] })}>
          <option value="">{t('operations.filter.state.any')}</option>
          {STATE_FILTERS.map((state) => <option key={state} value={state}>{t(`operations.state.${state}`)}</option>)}
        </select>
      </div>
      <div className="filters__apply">
        <button type="submit" className="button">{t('operations.filter.apply')}</button>
      </div>
    </form>
  );
}
