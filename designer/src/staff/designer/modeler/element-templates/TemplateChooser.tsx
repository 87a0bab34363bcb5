/** A modal dialog (native `<dialog>`: focus is trapped and Escape closes it) to pick a connector template. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStaffI18n } from '../../../i18n/use-staff-i18n.js';
import type { ElementTemplate } from './element-template.js';

export function TemplateChooser({ templates, onChoose, onClose }: { templates: readonly ElementTemplate[]; onChoose(template: ElementTemplate): void; onClose(): void }) {
  const { t } = useStaffI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return templates.filter((template) => {
      const text = [template.name, template.description, ...(template.keywords ?? [])].join(' ').toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [templates, query]);

  return (
    <dialog ref={dialogRef} className="template-chooser" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId}>{t('templates.title')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('templates.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
      </div>
      {shown.length === 0 ? <p role="status">{t('templates.none')}</p> : (
        <ul className="template-chooser__list">
          {shown.map((template) => (
            <li key={`${template.id}@${template.version ?? 0}`}>
              <button type="button" className="template-chooser__option" onClick={() => onChoose(template)}>
                <strong>{template.name}</strong>
                {template.description ? <span lang="en">{template.description}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>{t('templates.cancel')}</button>
      </div>
    </dialog>
  );
}
