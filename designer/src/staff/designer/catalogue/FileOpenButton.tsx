/** A file picker that looks like a button: a real, labelled `<input type="file">`, so it works by keyboard. */
import { useId } from 'react';

export function FileOpenButton({ label, accept, onText }: { label: string; accept: string; onText(text: string, fileName: string): void }) {
  const id = useId();
  return (
    <span className="file-open">
      <input id={id} className="file-open__input" type="file" accept={accept}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onText(await file.text(), file.name);
        }} />
      <label htmlFor={id} className="button">{label}</label>
    </span>
  );
}
