/** Sign-in with user name and password (and the identity provider's button when one is configured). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../shared/a11y/ErrorSummary.js';
import { TextField } from '../../shared/a11y/TextField.js';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import { authApi } from './auth-api.js';
import { useSession } from './SessionProvider.js';

interface Errors {
  username?: string;
  password?: string;
  form?: string;
}

export function SignInPage({ sessionEnded }: { sessionEnded: boolean }) {
  const { t } = useStaffI18n();
  const { signedIn } = useSession();
  const headingRef = usePageTitle(t('signIn.title'), t('app.name'));
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);
  const [oidc, setOidc] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    authApi.signInMethods().then((methods) => setOidc(methods.oidc), () => setOidc(false));
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Errors = {
      ...(username ? {} : { username: t('signIn.usernameRequired') }),
      ...(password ? {} : { password: t('signIn.passwordRequired') }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSubmitting(true);
    try {
      signedIn(await authApi.signIn(username, password));
    } catch (error) {
      const message = error instanceof ApiProblem && error.status === 429 ? t('signIn.tooMany')
        : error instanceof ApiProblem && (error.status === 401 || error.status === 400) ? t('signIn.failed')
          : t('error.generic', { detail: (error as Error).message });
      setErrors({ form: message });
      if (passwordRef.current) passwordRef.current.value = '';
    } finally {
      setSubmitting(false);
    }
  }

  const summary = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...(errors.username ? [{ fieldId: 'sign-in-username', message: errors.username }] : []),
    ...(errors.password ? [{ fieldId: 'sign-in-password', message: errors.password }] : []),
  ];

  return (
    <div className="sign-in">
      <h1 ref={headingRef} tabIndex={-1}>{t('signIn.title')}</h1>
      {sessionEnded ? <p className="notice" role="status">{t('signIn.sessionEnded')}</p> : null}
      <p>{t('signIn.intro')}</p>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form onSubmit={submit} noValidate>
        <TextField id="sign-in-username" name="username" label={t('signIn.username')} autoComplete="username" required error={errors.username} />
        <TextField id="sign-in-password" ref={passwordRef} name="password" type="password" label={t('signIn.password')} autoComplete="current-password" required error={errors.password} />
        <button type="submit" className="button button--primary" disabled={submitting}>{submitting ? t('signIn.submitting') : t('signIn.submit')}</button>
      </form>
      {oidc ? (
        <>
          <p className="sign-in__or">{t('signIn.or')}</p>
          <a className="button" href={authApi.oidcSignInUrl(window.location.pathname)}>{t('signIn.oidc')}</a>
        </>
      ) : null}
    </div>
  );
}
