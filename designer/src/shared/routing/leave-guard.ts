/**
 * Work a page would lose when left (an editor's changes not yet deployed or downloaded): while a page holds some,
 * leaving asks first. In-app links, the browser's back and forward, a change of language (which rebuilds the
 * editors) and closing or reloading the tab all ask; `window.confirm` is the browser's own dialog, which keyboards
 * and screen readers handle. One page guards at a time.
 */
import { useEffect } from 'react';

let guardMessage: string | undefined;

/** Whether leaving may go on: nothing to lose, or the user said so. */
export function confirmLeaving(): boolean {
  return guardMessage === undefined || window.confirm(guardMessage);
}

/** Guards leaving while `message` (what to ask) is given. */
export function useLeaveGuard(message: string | undefined): void {
  useEffect(() => {
    if (message === undefined) return;
    guardMessage = message;
    // Browsers show their own text for closing or reloading; they only need to be told to ask.
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (guardMessage === message) guardMessage = undefined;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [message]);
}
