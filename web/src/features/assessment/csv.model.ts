/**
 * A chart's data as a table, and that table as CSV (RFC 4180): fields separated by commas,
 * records ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF, and quotes
 * inside doubled. Numbers are written as JavaScript writes them (a point for decimals, no
 * grouping), so any spreadsheet reads them whatever its language. Pure, so it is tested without
 * a browser.
 */

export type Cell = string | number | null;

/** A chart's figures: the header of each column, and the rows. */
export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

/** One field, quoted when it must be. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text: the header record, then one record per row, each ended by CRLF. */
export function toCsv(table: ChartTable): string {
  return [table.columns, ...table.rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
