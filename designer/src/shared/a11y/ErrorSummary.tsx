/**
 * The errors of a form at its top, as WCAG 3.3.1 asks: focused when shown (so it is announced), each linking to its
 * field. `errors` maps an input's id to its message.
 */
import { useEffect, useRef } from 'react';

export interface ErrorSummaryProps {
  title: string;
  errors: readonly { fieldId?: string; message: string }[];
}

export function ErrorSummary({ title, errors }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>{error.fieldId ? <a href={`#${error.fieldId}`}>{error.message}</a> : error.message}</li>
        ))}
      </ul>
    </div>
  );
}
