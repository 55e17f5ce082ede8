// Resolvers: check the arguments, call the query layer, shape the answer. No SQL here.
import { REGIONS, POLICIES, labelOf, CONTENT_TYPES, DETECTION_SOURCES, ENFORCEMENT_PATHS, ACTIONS, COUNTRY_NAMES, type Coded } from '../domain/taxonomy.js';
import { bucketStarts, toIso } from '../domain/time.js';
import { decisionsSeries, moderationDataSpan } from '../queries/moderation.js';
import { parseFilter, parseRange } from './inputs.js';
import type { ModerationDimension, Resolvers } from './generated.js';

const DIMENSION_LABELS: Record<ModerationDimension, (code: string) => string> = {
  REGION: (c) => labelOf(REGIONS, c),
  COUNTRY: (c) => COUNTRY_NAMES[c] ?? c,
  POLICY: (c) => labelOf(POLICIES, c),
  CONTENT_TYPE: (c) => labelOf(CONTENT_TYPES, c),
  DETECTION_SOURCE: (c) => labelOf(DETECTION_SOURCES, c),
  ENFORCEMENT_PATH: (c) => labelOf(ENFORCEMENT_PATHS, c),
  ACTION: (c) => labelOf(ACTIONS, c),
};

const coded = (list: readonly Coded[]) => list.map(({ code, label }) => ({ code, label }));

export const resolvers: Resolvers = {
  Query: {
    async dimensions(_parent, _args, { db }) {
      const span = await moderationDataSpan(db);
      return {
        regions: coded(REGIONS),
        policies: coded(POLICIES),
        dataFrom: span ? toIso(span.from) : null,
        // the end of the last hour holding data, so [dataFrom, dataTo) covers all of it
        dataTo: span ? toIso(span.to + 3600) : null,
      };
    },

    async moderationDecisions(_parent, args, { db }) {
      const { from, to } = parseRange(args.range, args.grain);
      const slice = parseFilter(args.filter);
      const groupBy = args.groupBy ?? null;
      const rows = await decisionsSeries(db, { from, to, grain: args.grain, slice, groupBy });

      const buckets = bucketStarts(from, to, args.grain);
      const index = new Map(buckets.map((b, i) => [b, i]));
      const groups = new Map<string, number[]>();
      for (const row of rows) {
        let values = groups.get(row.key);
        if (!values) groups.set(row.key, (values = buckets.map(() => 0)));
        const i = index.get(row.bucket);
        if (i !== undefined) values[i]! += row.value;
      }
      const label = groupBy ? DIMENSION_LABELS[groupBy] : () => 'All decisions';
      const list = [...groups.entries()]
        .map(([key, values]) => ({ key, label: label(key), values, total: values.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
      return {
        grain: args.grain,
        buckets: buckets.map(toIso),
        groups: list,
        total: list.reduce((a, g) => a + g.total, 0),
      };
    },
  },
};
