/** A native progress bar of an upload, named by its label; a screen reader reads its value as it grows. */
import { usePortalI18n } from './use-portal-i18n.js';

export function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = usePortalI18n();
  const percent = Math.round(fraction * 100);
  return (
    <p className="upload-progress">
      <label htmlFor="upload-progress">{t('portal.uploading')}</label>{' '}
      <progress id="upload-progress" max={100} value={percent}>{percent} %</progress>{' '}
      <span aria-hidden="true">{percent} %</span>
    </p>
  );
}
