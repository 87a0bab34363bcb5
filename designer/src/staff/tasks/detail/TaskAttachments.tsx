/** The case's files as links (the server gives each an `href`), with type and size. */
import { formatFileSize } from '../../../shared/i18n/file-size.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { TaskAttachment } from '../tasks-api.js';

export function TaskAttachments({ attachments }: { attachments: readonly TaskAttachment[] }) {
  const { t, locale } = useStaffI18n();
  return (
    <section aria-labelledby="task-files-heading">
      <h2 id="task-files-heading">{t('task.files')}</h2>
      {attachments.length === 0 ? <p>{t('task.noFiles')}</p> : (
        <ul className="task-files">
          {attachments.map((file) => (
            <li key={file.id}>
              <a href={file.href}>{file.name}</a> <span className="task-files__meta">({file.contentType}, {formatFileSize(file.size, locale)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
