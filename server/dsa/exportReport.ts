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

/** Who exports what: the part for a one-part download (the Compliance page), else the whole report. */
export interface ExportAudit {
  options: ReportOptions;
  format: ExportFormat;
  part?: number;
  override: string;
  actor: string;
  ip: string;
}

/**
 * The export rule, for the CLI and the Compliance page alike: refused (and recorded as refused)
 * when a check fails and no override reason is given; else allowed, and recorded — with the
 * failing rules and the reason when overridden — once the file is out (`record`).
 */
export async function checkedExport(audit: AuditLog, report: DsaReport, req: ExportAudit) {
  const checks = checkReport(report);
  const failed = failing(checks);
  const o = req.options;
  const target = `dsa-report:${o.service || 'all-services'}:${o.from}/${o.to}${req.part ? `:part-${req.part}` : ''}`;
  const detail = (extra: Record<string, unknown>) => JSON.stringify({ kind: 'dsa_report', format: req.format, ...(req.part ? { part: req.part } : {}), failing: failed.map((c) => c.rule), ...extra });
  if (failed.length > 0 && !req.override.trim()) {
    await audit.record({ actor: req.actor, action: 'export', target, detail: detail({ refused: 'failing checks, no override' }), ip: req.ip, ok: false });
    return { allowed: false as const, checks, failed };
  }
  const record = () => audit.record({
    actor: req.actor, action: 'export', target, ip: req.ip,
    detail: detail(failed.length > 0 ? { override: req.override.trim(), offences: failed.reduce((a, c) => a + c.offences.length, 0) } : {}),
  });
  return { allowed: true as const, checks, failed, record };
}

export async function exportReport(db: Database, audit: AuditLog, req: ExportRequest, asOf?: number): Promise<ExportOutcome> {
  const report = await buildReport(db, req.options, asOf);
  const outcome = await checkedExport(audit, report, req);
  if (!outcome.allowed) return { written: false, checks: outcome.checks, report };
  const files = await writeReport(report, req.dir, req.format);
  await outcome.record();
  return { written: true, files, checks: outcome.checks, report };
}
