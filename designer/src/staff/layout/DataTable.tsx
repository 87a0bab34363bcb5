/** A table of records as the staff pages show them: a caption for screen readers, column headers, rows given as children. */
import type { ReactNode } from 'react';

export interface DataTableProps {
  caption: string;
  /** Column headers; an empty string for a column of buttons (named for screen readers by `actionsLabel`). */
  columns: readonly string[];
  actionsLabel?: string;
  children: ReactNode;
}

export function DataTable({ caption, columns, actionsLabel, children }: DataTableProps) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">{column || <span className="visually-hidden">{actionsLabel}</span>}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A button in a row: it shows `label`, and screen readers also hear which row it acts on (`row`). */
export function RowButton({ label, row, onClick }: { label: string; row: string; onClick(): void }) {
  return (
    <button type="button" className="button" onClick={onClick}>
      {label}<span className="visually-hidden"> {row}</span>
    </button>
  );
}
