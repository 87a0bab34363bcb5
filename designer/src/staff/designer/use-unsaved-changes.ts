/**
 * An editor's changes not yet deployed or downloaded: while there are some, leaving the page asks first
 * (`shared/routing/leave-guard.ts`). The editors report their command stack's changes; a fresh import clears it and
 * is no change of the user's.
 */
import { useMemo, useState } from 'react';
import { useLeaveGuard } from '../../shared/routing/leave-guard.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';

export interface UnsavedChanges {
  /** For an editor's `commandStack.changed` event. */
  commandStackChanged(event: { trigger?: string }): void;
  /** Deployed or downloaded: nothing to lose any more. */
  saved(): void;
}

export function useUnsavedChanges(): UnsavedChanges {
  const { t } = useStaffI18n();
  const [unsaved, setUnsaved] = useState(false);
  useLeaveGuard(unsaved ? t('editor.leaveUnsaved') : undefined);
  return useMemo(() => ({
    commandStackChanged: ({ trigger }) => {
      if (trigger !== 'clear') setUnsaved(true);
    },
    saved: () => setUnsaved(false),
  }), []);
}
