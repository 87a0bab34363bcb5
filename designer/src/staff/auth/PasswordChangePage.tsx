/** The first thing a user does whose password an admin set: choose their own (the server refuses all else until then). */
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../shared/a11y/ErrorSummary.js';
import { TextField } from '../../shared/a11y/TextField.js';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import { authApi } from './auth-api.js';
import { useSession } from './SessionProvider.js';

const MIN_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'repeat';

export function PasswordChangePage() {
  const { t } = useStaffI18n();
  const { passwordChanged } = useSession();
  const headingRef = usePageTitle(t('password.title'), t('app.name'));
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    const found: Partial<Record<Field, string>> = {};
    if (!currentPassword) found.currentPassword = t('signIn.passwordRequired');
    if (newPassword.length < MIN_LENGTH) found.newPassword = t('password.tooShort');
    else if (newPassword !== repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      await authApi.changePassword(currentPassword, newPassword);
      passwordChanged();
    } catch (error) {
      // The server's field messages are English; they are shown as they come, next to their field.
      setErrors(error instanceof ApiProblem && error.errors.length > 0 ? error.fieldErrors() : { form: t('error.generic', { detail: (error as Error).message }) });
    } finally {
      setSubmitting(false);
    }
  }

  const ids: Record<Field, string> = { currentPassword: 'password-current', newPassword: 'password-new', repeat: 'password-repeat' };
  const summary = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...(Object.keys(ids) as Field[]).filter((field) => errors[field]).map((field) => ({ fieldId: ids[field], message: errors[field]! })),
  ];
  return (
    <div className="sign-in">
      <h1 ref={headingRef} tabIndex={-1}>{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form onSubmit={submit} noValidate>
        <TextField id={ids.currentPassword} name="currentPassword" type="password" label={t('password.current')} autoComplete="current-password" required error={errors.currentPassword} />
        <TextField id={ids.newPassword} name="newPassword" type="password" label={t('password.new')} hint={t('password.newHint')} autoComplete="new-password" required minLength={MIN_LENGTH} error={errors.newPassword} />
        <TextField id={ids.repeat} name="repeat" type="password" label={t('password.repeat')} autoComplete="new-password" required error={errors.repeat} />
        <button type="submit" className="button button--primary" disabled={submitting}>{t('password.submit')}</button>
      </form>
    </div>
  );
}
