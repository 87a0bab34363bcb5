/**
 * A labelled input whose error message is tied to it (aria-describedby, aria-invalid), so a screen reader reads the
 * message with the field and the field is announced as invalid.
 */
import { forwardRef, useId, type InputHTMLAttributes } from 'react';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, error, hint, id: givenId, ...input }, ref) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}{input.required ? <span aria-hidden="true"> *</span> : null}</label>
      {hint ? <p className="field__hint" id={hintId}>{hint}</p> : null}
      <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? <p className="field__error" id={errorId}>{error}</p> : null}
    </div>
  );
});
