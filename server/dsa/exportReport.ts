// Build, check, and write a report; a report with a failing check is written only with an
// override reason, and every export (overridden or not) is recorded in the audit log.
import type { Database } from '../db/database.js';
import type { AuditLog } from '../auth/audit.js';
import { buildReport, type DsaReport, type ReportOptions } from './report.js';
import { checkReport, failing, type CheckResult } from './checks.js';
import { writeReport, type ExportFormat } from './export.js';

export interface ExportRequest {
  options: ReportOptions;
  dir: string;
  format: ExportFormat;
  /** why the report is exported although a check fails; '' = refuse then */
  override: string;
  actor: string;
  ip: string;
}

export type ExportOutcome =
  | { written: true; files: string[]; checks: CheckResult[]; report: DsaReport }
  | { written: false; checks: CheckResult[]; report: DsaReport };

export async function exportReport(db: Database, audit: AuditLog, req: ExportRequest, asOf?: number): Promise<ExportOutcome> {
  const report = await buildReport(db, req.options, asOf);
  const checks = checkReport(report);
  const failed = failing(checks);
  const o = req.options;
  const target = `dsa-report:${o.service || 'all-services'}:${o.from}/${o.to}`;
  const detail = (extra: Record<string, unknown>) => JSON.stringify({ kind: 'dsa_report', format: req.format, failing: failed.map((c) => c.rule), ...extra });
  if (failed.length > 0 && !req.override.trim()) {
    await audit.record({ actor: req.actor, action: 'export', target, detail: detail({ refused: 'failing checks, no override' }), ip: req.ip, ok: false });
    return { written: false, checks, report };
  }
  const files = await writeReport(report, req.dir, req.format);
  await audit.record({
    actor: req.actor, action: 'export', target, ip: req.ip,
    detail: detail(failed.length > 0 ? { override: req.override.trim(), offences: failed.reduce((a, c) => a + c.offences.length, 0) } : {}),
  });
  return { written: true, files, checks, report };
}
