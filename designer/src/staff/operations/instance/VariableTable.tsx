/** The instance's variables as JSON; each can be changed in place (a new JSON value, checked before it is sent). */
import { DataTable, RowButton } from '../../layout/DataTable.js';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../shared/http/api-problem.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { Variable } from '../operations-api.js';

export function VariableTable({ variables, instanceKey, editable, elementOfScope, onSave }: {
  variables: readonly Variable[];
  instanceKey: string;
  /** Only an active instance's variables can be set. */
  editable: boolean;
  elementOfScope(scopeKey: string): string;
  onSave(variable: Variable, value: string): Promise<void>;
}) {
  const { t } = useStaffI18n();
  const [editing, setEditing] = useState<string>();
  const idOf = (variable: Variable) => `${variable.scopeKey}:${variable.name}`;
  return (
    <section aria-labelledby="variables-heading">
      <h2 id="variables-heading">{t('instance.variables')}</h2>
      {variables.length === 0 ? <p>{t('instance.noVariables')}</p> : (
        <DataTable caption={t('instance.variables')} columns={[t('instance.column.name'), t('instance.column.scope'), t('instance.column.value'), '']} actionsLabel={t('instance.column.actions')}>
          {variables.map((variable) => (
            <tr key={idOf(variable)}>
              <th scope="row">{variable.name}</th>
              <td>{variable.scopeKey === instanceKey ? t('instance.scopeInstance') : elementOfScope(variable.scopeKey)}</td>
              <td>
                {editing === idOf(variable) ? (
                  <VariableEditor variable={variable} onDone={() => setEditing(undefined)} onSave={(value) => onSave(variable, value)} />
                ) : <code className="variable-value">{variable.value}</code>}
              </td>
              <td>
                {editable && editing !== idOf(variable)
                  ? <RowButton label={t('instance.editVariable')} row={variable.name} onClick={() => setEditing(idOf(variable))} />
                  : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function VariableEditor({ variable, onSave, onDone }: { variable: Variable; onSave(value: string): Promise<void>; onDone(): void }) {
  const { t } = useStaffI18n();
  const [value, setValue] = useState(variable.value);
  const [error, setError] = useState<string>();
  const id = useId();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      JSON.parse(value);
    } catch {
      setError(t('instance.valueNotJson'));
      return;
    }
    try {
      await onSave(value);
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiProblem ? (failure.fieldErrors().value ?? failure.message) : (failure as Error).message);
    }
  };
  return (
    <form className={error ? 'variable-editor field--invalid' : 'variable-editor'} onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={id}>{t('instance.newValue', { name: variable.name })}</label>
      <textarea id={id} value={value} rows={Math.min(8, value.split('\n').length + 1)} spellCheck={false} autoFocus
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)} />
      {error ? <p className="field__error" id={`${id}-error`}>{error}</p> : null}
      <div className="actions-row">
        <button type="submit" className="button button--primary">{t('instance.saveVariable')}</button>
        <button type="button" className="button" onClick={onDone}>{t('instance.discard')}</button>
      </div>
    </form>
  );
}
