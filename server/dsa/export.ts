// Writes a report in the templates' formats: eleven CSV files named like the Commission's (header
// line byte for byte, RFC 4180 quoting only where a field needs it, as the templates do, "\n"
// line ends), or one XLSX workbook with a sheet per part (through exceljs, a maintained library:
// the format is a zip of XML parts that is not worth writing by hand).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { templateFileName } from '../domain/dsaTemplates.js';
import type { DsaReport, ReportPart } from './report.js';

export type ExportFormat = 'csv' | 'xlsx';

/** One CSV field, quoted only when it holds a comma, a quote or a line break. */
export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function partCsv(p: ReportPart): string {
  return [p.headerLine, ...p.rows.map((r) => r.cells.map(csvField).join(','))].join('\n') + '\n';
}

/** A cell of the workbook: counts, medians and ratios as numbers, everything else as text. */
function xlsxValue(v: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The workbook's file name: service and period. */
export function workbookFileName(report: DsaReport): string {
  const o = report.options;
  return `dsa-transparency-report_${o.service || 'all-services'}_${o.from}_${o.to}.xlsx`;
}

/** The XLSX workbook in memory: a sheet per part. */
export async function workbook(report: DsaReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Vigil';
  for (const p of report.parts) {
    const sheet = book.addWorksheet(`Part ${p.part}`);
    sheet.addRow(p.header);
    // Part 2 keeps its codes (e.g. Category 1) as text; the other parts' figures are numbers
    for (const r of p.rows) sheet.addRow(p.part === 2 ? r.cells : r.cells.map(xlsxValue));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function writeReport(report: DsaReport, dir: string, format: ExportFormat): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  if (format === 'csv') {
    return report.parts.map((p) => {
      const file = path.join(dir, templateFileName(p.part));
      fs.writeFileSync(file, partCsv(p));
      return file;
    });
  }
  const file = path.join(dir, workbookFileName(report));
  fs.writeFileSync(file, await workbook(report));
  return [file];
}
