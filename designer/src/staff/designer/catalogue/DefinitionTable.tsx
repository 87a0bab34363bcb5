/** Deployed definitions (processes, forms or DMN files) with every version; each version opens in its editor. */
import { Link } from '../../../shared/routing/router.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { Definition } from '../deployments-api.js';

export function DefinitionTable({ caption, definitions, editorPath }: { caption: string; definitions: readonly Definition[]; editorPath: string }) {
  const { t, locale } = useStaffI18n();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="definition-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('designer.column.id')}</th>
          <th scope="col">{t('designer.column.name')}</th>
          <th scope="col">{t('designer.column.latest')}</th>
          <th scope="col">{t('designer.column.versions')}</th>
        </tr>
      </thead>
      <tbody>
        {definitions.map((definition) => {
          const latest = definition.versions.find((version) => version.version === definition.latestVersion) ?? definition.versions[0];
          return (
            <tr key={definition.id}>
              <th scope="row"><Link href={`${editorPath}/${encodeURIComponent(definition.id)}`}>{definition.id}</Link></th>
              <td>
                {latest?.name ?? '–'}
                {latest?.decisions?.length
                  ? <span className="definition-table__meta"> · {latest.decisions.map((decision) => decision.name ?? decision.id).join(', ')}</span> : null}
              </td>
              <td>
                {definition.latestVersion}
                {latest ? <span className="definition-table__meta"> · {dateFormat.format(new Date(latest.deployedAt))}{latest.deployedBy?.username ? ` · ${t('designer.column.deployedBy')} ${latest.deployedBy.username}` : ''}</span> : null}
              </td>
              <td>
                <ul className="version-list">
                  {definition.versions.map((version) => (
                    <li key={version.version}>
                      <Link href={`${editorPath}/${encodeURIComponent(definition.id)}?version=${version.version}`}>
                        {t('designer.version', { version: version.version })}
                        <span className="visually-hidden"> {t('designer.versionOf', { id: definition.id })}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
