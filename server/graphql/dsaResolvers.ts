// The DSA transparency report over GraphQL (the Compliance page's source). The report is EU-wide:
// it needs the admin role and a scope without restrictions (a region-, country- or vendor-scoped
// user would otherwise see figures outside their scope); README "DSA transparency report".
import { requireRole, restrictions } from '../access/access.js';
import { badInput, forbidden } from '../domain/errors.js';
import { DIMENSION_VALUE } from '../ingest/streams.js';
import { buildReport } from '../dsa/report.js';
import { checkReport } from '../dsa/checks.js';
import { partCsv } from '../dsa/export.js';
import type { Resolvers } from './generated.js';

export const dsaResolvers: Pick<Resolvers, 'Query'> = {
  Query: {
    async dsaReport(_parent, { input }, { db, access }) {
      requireRole(access, 'admin', 'The DSA transparency report');
      if (restrictions(access).length > 0) {
        throw forbidden('The DSA transparency report covers every member state and service; your access is limited, so it cannot be shown to you.');
      }
      const service = input.service ?? '';
      if (service !== '' && !DIMENSION_VALUE.test(service)) throw badInput('input.service: must be 1–64 letters, digits or . _ : -', 'input.service');
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
