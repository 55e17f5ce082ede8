import { useEffect, useRef } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { cellIndex } from './report';

export interface Offence {
  part: number;
  cell: string;
  row: string;
  column: string;
  value: string;
  message: string;
}

/**
 * One part as the file holds it: the template's header and rows. Offending cells are marked (and
 * say why); the picked one is scrolled to and focused, so a click on an offence lands on it.
 */
export function PartTable({ part, header, rows, offences, picked }: {
  part: number;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  offences: readonly Offence[];
  picked: string | null;
}) {
  const pickedRef = useRef<HTMLTableCellElement>(null);
  const why = new Map<string, string>();
  for (const o of offences) {
    const at = cellIndex(o.cell);
    if (at) why.set(`${at.row}:${at.column}`, o.message);
  }
  const pickedAt = picked ? cellIndex(picked) : null;

  useEffect(() => {
    const cell = pickedRef.current;
    if (!cell) return;
    cell.scrollIntoView?.({ block: 'center', inline: 'center' });
    cell.focus({ preventScroll: true });
  }, [picked, part]);

  return (
    <TableScroll label={`Part ${part}`} className="compliance-table">
      <table className="data-table">
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h.trim() || `Column ${i + 1}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((value, c) => {
                const message = why.get(`${r}:${c}`);
                const isPicked = pickedAt?.row === r && pickedAt.column === c;
                const classes = [message ? 'is-offending' : '', isPicked ? 'is-picked' : ''].filter(Boolean).join(' ');
                return (
                  <td
                    key={c}
                    ref={isPicked ? pickedRef : undefined}
                    tabIndex={isPicked ? -1 : undefined}
                    className={classes || undefined}
                    data-cell={address(r, c)}
                    title={message}
                  >
                    {value}
                    {message ? <span className="visually-hidden"> (fails a check: {message})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The spreadsheet address of a body cell (row 0 is line 2 of the file). */
function address(row: number, column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 2}`;
}
