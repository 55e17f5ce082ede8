import type { ResultRow } from './rows';
import { downloadText } from '../../download';

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection): = + - @ tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 field: quoted when it holds a comma, a quote or a line break. A text cell that a
 * spreadsheet would run as a formula (a queue named `=HYPERLINK(…)`) gets a leading single quote,
 * as OWASP recommends, so it opens as text; numbers (-0.5) are left as numbers.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvColumns {
  bucket: boolean;
  /** Names of the split dimensions, e.g. ["Region", "Policy"]. */
  splits: readonly string[];
  previous: boolean;
}

/**
 * The table's rows as CSV, in the table's order, with full-precision numbers (the table rounds
 * for reading; a spreadsheet should get the exact values). Codes and labels both go out, so the
 * file can be joined back to other data.
 */
export function toCsv(rows: readonly ResultRow[], columns: CsvColumns): string {
  const header = [
    ...(columns.bucket ? ['bucket_start_utc'] : []),
    ...columns.splits.flatMap((s) => {
      const key = s.toLowerCase().replaceAll(' ', '_');
      return [key, `${key}_label`];
    }),
    'value',
    'numerator',
    'denominator',
    'interval_low',
    'interval_high',
    'low_sample',
    ...(columns.previous ? ['previous_value'] : []),
  ];
  const lines = rows.map((r) =>
    [
      ...(columns.bucket ? [r.bucket] : []),
      ...columns.splits.flatMap((_, i) => [r.keys[i], r.labels[i]]),
      r.point.value,
      r.point.numerator,
      r.point.denominator,
      r.point.low,
      r.point.high,
      r.point.lowSample,
      ...(columns.previous ? [r.previous] : []),
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(csv: string, filename: string): void {
  downloadText(csv, filename, 'text/csv');
}
