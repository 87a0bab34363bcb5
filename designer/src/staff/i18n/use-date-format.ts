/** Dates and times as the staff app shows them, in the current language; `–` for none. */
import { useMemo } from 'react';
import { useStaffI18n } from './use-staff-i18n.js';

export function useDateFormat(): (value: string | Date | null | undefined) => string {
  const { locale } = useStaffI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (value) => (value === null || value === undefined ? '–' : format.format(new Date(value)));
  }, [locale]);
}
