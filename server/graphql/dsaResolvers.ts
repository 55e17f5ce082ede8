// The DSA transparency report over GraphQL (the Compliance page's source). The report is EU-wide:
// it needs the admin role and a scope without restrictions (a region-, country- or vendor-scoped
// user would otherwise see figures outside their scope); README "DSA transparency report".
import { requireRole, restrictions, type Access } from '../access/access.js';
import { badInput, forbidden } from '../domain/errors.js';
import { DIMENSION_VALUE } from '../ingest/streams.js';
import { buildReport } from '../dsa/report.js';
import { checkReport } from '../dsa/checks.js';
import { partCsv } from '../dsa/export.js';
import { writeReportText } from '../dsa/texts.js';
import type { Resolvers } from './generated.js';

function requireReportAccess(access: Access): void {
  requireRole(access, 'admin', 'The DSA transparency report');
  if (restrictions(access).length > 0) {
    throw forbidden('The DSA transparency report covers every member state and service; your access is limited, so it cannot be shown to you.');
  }
}

function serviceOf(service: string | null | undefined): string {
  const s = service ?? '';
  if (s !== '' && !DIMENSION_VALUE.test(s)) throw badInput('input.service: must be 1–64 letters, digits or . _ : -', 'input.service');
  return s;
}

export const dsaResolvers: Pick<Resolvers, 'Query' | 'Mutation'> = {
  Mutation: {
    async setDsaReportText(_parent, { input }, ctx) {
      requireReportAccess(ctx.access);
      const row = await writeReportText(ctx.db, { ...input, service: serviceOf(input.service) }, ctx.access.username);
      const text = { id: String(row.text_id), indicator: String(row.indicator), body: String(row.body), version: Number(row.version), author: String(row.author) };
      await ctx.security.audit.record({ actor: ctx.access.username, action: 'item_updated', target: text.id, detail: JSON.stringify({ kind: 'dsa_report_text', version: text.version }), ip: ctx.ip });
      return text;
    },
  },
  Query: {
    async dsaReport(_parent, { input }, { db, access }) {
      requireReportAccess(access);
      const service = serviceOf(input.service);
      const report = await buildReport(db, {
        from: input.from, to: input.to, service, providerName: '', publishedOn: new Date().toISOString().slice(0, 10), previousReportOn: '',
      });
      return {
        parts: report.parts.map((p) => ({ part: p.part, header: p.header, rows: p.rows.map((r) => r.cells), csv: partCsv(p) })),
        checks: checkReport(report),
      };
    },
  },
};
