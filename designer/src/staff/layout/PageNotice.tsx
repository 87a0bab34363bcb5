/**
 * What came of a page's last action: success in a polite live region, failure in an alert, so either is announced
 * without moving focus. Both regions are always present, as screen readers announce changes of existing regions.
 */
export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

export function PageNotice({ notice }: { notice: Notice | undefined }) {
  return (
    <>
      <div role="status" aria-live="polite">{notice?.kind === 'success' ? <p className="notice notice--success">{notice.text}</p> : null}</div>
      <div role="alert">{notice?.kind === 'error' ? <p className="notice notice--error">{notice.text}</p> : null}</div>
    </>
  );
}
