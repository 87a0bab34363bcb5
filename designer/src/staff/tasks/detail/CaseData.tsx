/**
 * The case's data as the process holds it (the instance's variables): what a clerk works from when a task has no form
 * or its form cannot be shown, and, folded away, everything the form does not show. Lists and nested objects keep
 * their shape; a file's reference is among the files above, not here.
 */
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';

export function CaseData({ variables, open }: { variables: Readonly<Record<string, unknown>>; open: boolean }) {
  const { t } = useStaffI18n();
  const entries = Object.entries(variables);
  return (
    <details className="case-data" open={open}>
      <summary><h2>{t('task.caseData')}</h2></summary>
      {entries.length === 0 ? <p>{t('task.noCaseData')}</p> : <Entries entries={entries} />}
    </details>
  );
}

/** By name, at every level, so a case's data reads the same in every task. */
function Entries({ entries }: { entries: readonly [string, unknown][] }) {
  return (
    <dl className="case-data__list">
      {[...entries].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => (
        <div key={name} className="case-data__entry">
          <dt>{name}</dt>
          <dd><Value value={value} /></dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ value }: { value: unknown }) {
  const { t, locale } = useStaffI18n();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span className="case-data__empty">{t('task.caseDataEmpty')}</span>;
  }
  if (typeof value === 'boolean') return <>{value ? t('task.caseDataYes') : t('task.caseDataNo')}</>;
  if (typeof value === 'number') return <>{new Intl.NumberFormat(locale).format(value)}</>;
  if (Array.isArray(value)) return <ol>{value.map((item, index) => <li key={index}><Value value={item} /></li>)}</ol>;
  if (typeof value === 'object') return <Entries entries={Object.entries(value)} />;
  return <>{String(value)}</>;
}
