import { useI18n, type I18n } from '../../shared/i18n/I18nProvider.js';
import type { StaffMessageKey } from './staff-messages.js';

export const useStaffI18n: () => I18n<StaffMessageKey> = useI18n;
