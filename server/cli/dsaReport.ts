// `npm run dsa:report -- --from 2025-07-01 --to 2025-12-31 --out <dir> [--service S] [--format csv|xlsx]
//   [--provider "Name"] [--previous YYYY-MM-DD] [--override "<reason>"]`
// Writes the DSA transparency report (Annex I parts 1–11) after its consistency checks; a failing
// check refuses the export (exit code 2, offending cells listed) unless --override gives a reason,
// which is recorded in the audit log with the failing rules.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { AuditLog } from '../auth/audit.js';
import { exportReport } from '../dsa/exportReport.js';
import { reportWindow } from '../dsa/report.js';

const SHOWN_PER_RULE = 10;

await runCli('dsa:report', async ({ db, log }) => {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, service: { type: 'string' }, format: { type: 'string' },
      provider: { type: 'string' }, previous: { type: 'string' }, override: { type: 'string' },
    },
  });
  if (!values.from || !values.to || !values.out) {
    throw new Error('usage: npm run dsa:report -- --from YYYY-MM-DD --to YYYY-MM-DD --out <dir> [--service S] [--format csv|xlsx] [--provider "Name"] [--previous YYYY-MM-DD] [--override "<reason>"]');
  }
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new Error(`--format ${format}: expected csv or xlsx`);
  if (values.previous !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.previous)) throw new Error(`--previous ${values.previous}: expected a date like 2025-01-31`);
  if (values.override !== undefined && !values.override.trim()) throw new Error('--override needs a reason');
  const options = {
    from: values.from, to: values.to, service: values.service ?? '', providerName: values.provider ?? '',
    publishedOn: new Date().toISOString().slice(0, 10), previousReportOn: values.previous ?? '',
  };
  reportWindow(options);
  await migrate(db, log);
  const outcome = await exportReport(db, new AuditLog(db, log), {
    options, dir: values.out, format, override: values.override ?? '', actor: `cli:${os.userInfo().username}`, ip: 'cli',
  });
  for (const c of outcome.checks) {
    process.stdout.write(`${c.offences.length === 0 ? 'pass' : 'FAIL'}  ${c.rule}${c.offences.length ? ` (${c.offences.length} cells)` : ''}\n`);
    for (const o of c.offences.slice(0, SHOWN_PER_RULE)) process.stdout.write(`      part ${o.part} ${o.cell}  ${o.row} · ${o.column}: ${o.message}\n`);
    if (c.offences.length > SHOWN_PER_RULE) process.stdout.write(`      … and ${c.offences.length - SHOWN_PER_RULE} more\n`);
  }
  if (!outcome.written) {
    process.stderr.write('vigil dsa:report: checks failed, nothing written; fix the data, or export anyway with --override "<reason>" (recorded in the audit log)\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${values.override ? 'exported with override (recorded in the audit log): ' : ''}${outcome.files.join('\n')}\n`);
});
