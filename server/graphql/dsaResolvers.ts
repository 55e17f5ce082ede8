// The DSA transparency report over GraphQL (the Compliance page's source). The report is EU-wide:
// it needs the admin or compliance role and a scope without restrictions (a region-, country- or
// vendor-scoped user would otherwise see figures outside their scope); README "DSA transparency report".
import { requireDsaReportAccess as requireReportAccess } from '../access/access.js';
import { badInput } from '../domain/errors.js';
import { templateFileName } from '../domain/dsaTemplates.js';
import { DIMENSION_VALUE } from '../ingest/streams.js';
import { buildReport } from '../dsa/report.js';
import { checkReport } from '../dsa/checks.js';
import { partCsv, workbook, workbookFileName } from '../dsa/export.js';
import { checkedExport } from '../dsa/exportReport.js';
import { writeReportText } from '../dsa/texts.js';
import { reportServices } from '../dsa/services.js';
import type { Resolvers } from './generated.js';

const PARTS = 11;
const MAX_OVERRIDE = 2_000;

const options = (input: { from: string; to: string }, service: string) => ({
  from: input.from, to: input.to, service, providerName: '', publishedOn: new Date().toISOString().slice(0, 10), previousReportOn: '',
});

function serviceOf(service: string | null | undefined): string {
  const s = service ?? '';
  if (s !== '' && !DIMENSION_VALUE.test(s)) throw badInput('input.service: must be 1–64 letters, digits or . _ : -', 'input.service');
  return s;
}

export const dsaResolvers: Pick<Resolvers, 'Query' | 'Mutation'> = {
  Mutation: {
    async exportDsaReport(_parent, { input }, ctx) {
      requireReportAccess(ctx.access);
      const service = serviceOf(input.service);
      const part = input.part ?? null;
      if (input.format === 'CSV' && (part === null || !Number.isInteger(part) || part < 1 || part > PARTS)) {
        throw badInput(`input.part: a CSV export is one part, from 1 to ${PARTS}; got ${part ?? 'none'}`, 'input.part');
      }
      if (input.format === 'XLSX' && part !== null) throw badInput('input.part: the workbook holds every part; leave part out', 'input.part');
      const override = (input.override ?? '').trim();
      if (override.length > MAX_OVERRIDE) throw badInput(`input.override must be at most ${MAX_OVERRIDE} characters`, 'input.override');
      const report = await buildReport(ctx.db, options(input, service));
      const outcome = await checkedExport(ctx.security.audit, report, {
        options: report.options, format: input.format === 'CSV' ? 'csv' : 'xlsx', ...(part !== null ? { part } : {}), override, actor: ctx.access.username, ip: ctx.ip,
      });
      if (!outcome.allowed) {
        const rules = outcome.failed.map((c) => c.rule).join(', ');
        throw badInput(`input.override: the report fails ${outcome.failed.length === 1 ? 'a check' : `${outcome.failed.length} checks`} (${rules}); say why it is exported anyway (recorded in the audit log), or fix the data`, 'input.override');
      }
      const file = input.format === 'CSV'
        ? { fileName: templateFileName(part!), mediaType: 'text/csv', content: partCsv(report.parts[part! - 1]!), base64: false }
        : { fileName: workbookFileName(report), mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: (await workbook(report)).toString('base64'), base64: true };
      await outcome.record();
      return { ...file, failing: outcome.failed.map((c) => c.rule) };
    },
    async setDsaReportText(_parent, { input }, ctx) {
      requireReportAccess(ctx.access);
      const row = await writeReportText(ctx.db, { ...input, service: serviceOf(input.service) }, ctx.access.username);
      const text = { id: String(row.text_id), indicator: String(row.indicator), body: String(row.body), version: Number(row.version), author: String(row.author) };
      await ctx.security.audit.record({ actor: ctx.access.username, action: 'item_updated', target: text.id, detail: JSON.stringify({ kind: 'dsa_report_text', version: text.version }), ip: ctx.ip });
      return text;
    },
  },
  Query: {
    async dsaReportServices(_parent, { input }, { db, access }) {
      // the names come from the data: checked before the input is even read, so a refused caller learns nothing
      requireReportAccess(access);
      return reportServices(db, input);
    },
    async dsaReport(_parent, { input }, { db, access }) {
      requireReportAccess(access);
      const service = serviceOf(input.service);
      const report = await buildReport(db, options(input, service));
      return {
        parts: report.parts.map((p) => ({ part: p.part, header: p.header, rows: p.rows.map((r) => r.cells), csv: partCsv(p) })),
        checks: checkReport(report),
        texts: report.texts,
      };
    },
  },
};
