// The Compliance page without React: the default period, where an offending cell sits in a part's
// table, what each part is computed from, the service picker's choices, and a file the browser saves.

/** The last complete half-year (1 Jan – 30 Jun or 1 Jul – 31 Dec) before `today` (YYYY-MM-DD). */
export function lastCompleteHalfYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '07-01' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}

/**
 * A spreadsheet address of a part ("F2": column F, line 2 of the file, the header being line 1)
 * as indexes into the table's body rows and columns; null when it is not one.
 */
export function cellIndex(address: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return null;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  const row = Number(m[2]) - 2;
  return row >= 0 ? { row, column } : null;
}

/** Where each part's figures come from (README "DSA transparency report", the parts' table). */
export const PART_SOURCES: Record<number, string> = {
  1: 'The report’s options: period and service here; provider name and previous report are the CLI’s --provider and --previous.',
  2: 'The template’s category list, unchanged.',
  3: 'Member-state orders (dsa-orders stream) received in the period; medians in hours.',
  4: 'Notices (dsa-notices stream) received in the period; an action is a notice whose decision had a legal ground; medians in hours.',
  5: 'Moderation decisions decided in the period on illegal content (legal ground), action other than none.',
  6: 'Moderation decisions decided in the period as incompatible with the terms and conditions (legal ground), action other than none.',
  7: 'Complaints (appeals with a DSA subject) filed in the period; out-of-court disputes (dsa-disputes); Article 23 suspensions (dsa-suspensions).',
  8: 'The same decisions as parts 5 and 6 by automation and language; notices; accuracy, precision and recall of EU classifiers on random-audit and golden-set labels.',
  9: 'Moderation staff (dsa-moderation-staff), the last date up to the period’s end.',
  10: 'Average monthly active recipients (dsa-active-recipients), mean over the period’s months of each scope’s latest figure.',
  11: 'The qualitative texts written below (the current version of each).',
};

/** Saves a file the API gave: CSV text as it is (byte for byte), a workbook from base64. */
export function saveFile(file: { fileName: string; mediaType: string; content: string; base64: boolean }): void {
  const body = file.base64 ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started from the URL; revoke it once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The service picker's choices: every service ('') first, then those with data in the period; a
 * service chosen before the dates changed stays choosable, marked, rather than silently dropped.
 */
export function serviceOptions(withData: readonly string[] | undefined, chosen: string): { value: string; label: string }[] {
  const names = withData ?? [];
  // while the list loads (undefined) the choice is shown as it is, not yet marked
  const missing = chosen !== '' && !names.includes(chosen) ? [{ value: chosen, label: withData ? `${chosen} (no data in the period)` : chosen }] : [];
  return [{ value: '', label: 'All services' }, ...names.map((s) => ({ value: s, label: s })), ...missing];
}
