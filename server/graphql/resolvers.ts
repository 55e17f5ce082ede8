// Resolvers: check the arguments, call the metrics services, shape the answer. No SQL here.
import { DIMENSIONS } from '../definitions/dimensions.js';
import { METRICS, metricDimensions } from '../definitions/metricCatalogue.js';
import { ROLLUPS } from '../definitions/rollups.js';
import { TIME_ZONES } from '../domain/zones.js';
import { toIso, HOUR_S, lastCompleteWeekStart, AUTO_GRAIN_MAX_BUCKETS, GRAINS, MAX_RANGE_DAYS } from '../domain/time.js';
import { breakdownOf, seriesOf } from '../metrics/service.js';
import { kpiOf, type KpiResult } from '../metrics/kpis.js';
import { attentionOf } from '../analysis/attention.js';
import type { View } from '../domain/views.js';
import { groupComparisonsOf } from '../metrics/groupComparison.js';
import { withTarget } from '../metrics/targets.js';
import { modelCurveOf, scoreDriftOf, annotatorAgreementOf, annotatorsOf } from '../metrics/modelAndAnnotatorFigures.js';
import { markersStatement } from '../queries/markerQueries.js';
import { run } from '../queries/statements.js';
import { REGIONS, POLICIES } from '../domain/taxonomy.js';

const REGION_CODES = REGIONS.map((x) => x.code);
import type { Statement } from '../queries/statements.js';
import { badInput } from '../domain/errors.js';
import { codes, inDateRange } from '../domain/fieldChecks.js';
import { canSee, filterableRegions, limitedByAccess, regionsFor, requireRole, scopeBounds, type Access } from '../access/access.js';
import { createNote, updateNote, deleteNote, noteHistory, createRetroItem, updateRetroItem, deleteRetroItem } from '../retro/documents.js';
import { notesStatement } from '../queries/versionedQueries.js';
import { retrospectiveOf } from '../retro/retrospective.js';
import { retrospectiveMarkdown } from '../retro/markdown.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import {
  MAX_BREAKDOWN_TOP_N, MAX_TOP_N, autoGrain, checkGrain, checkSpan, fitGrain, fitRange, parseMetric, parseRange, parseTopN, parseZone,
} from './argumentChecks.js';
import { checkDimension, checkFilterDimensions, parseFilters } from '../metrics/sliceInput.js';
import type { AttentionInput, Dimension, KpiInput, Note, RetroItem, Resolvers, SqlStatement } from './generated.js';
import type { GraphQLContext } from './context.js';
import type { AuditAction } from '../auth/audit.js';
import { adminResolvers } from './adminResolvers.js';
import { alertResolvers } from './alertResolvers.js';
import { dsaResolvers } from './dsaResolvers.js';
import { metricInfo, stamp } from './answerShapes.js';

type Row = Record<string, unknown>;
const instant = (v: unknown) => toIso(fromClickHouseDateTime(String(v)));

export function noteOf(r: Row): Note {
  return {
    id: String(r.note_id), version: Number(r.version), startsAt: instant(r.starts_at), endsAt: instant(r.ends_at), title: String(r.title),
    body: String(r.body), tags: r.tags as string[], regions: r.regions as string[], countries: r.countries as string[], policies: r.policies as string[], models: r.models as string[],
    vendors: r.vendors as string[], author: String(r.author), deleted: Number(r.is_deleted) === 1, updatedAt: stamp(r.updated_at),
  };
}

export function retroItemOf(r: Row): RetroItem {
  return {
    id: String(r.item_id), version: Number(r.version), week: String(r.week), section: r.section as RetroItem['section'], kind: r.kind as RetroItem['kind'],
    text: String(r.text), owner: String(r.owner), dueDate: r.due_date ? String(r.due_date) : null, status: r.status as RetroItem['status'],
    regions: r.regions as string[], countries: r.countries as string[], vendors: r.vendors as string[], author: String(r.author), deleted: Number(r.is_deleted) === 1, updatedAt: stamp(r.updated_at),
  };
}

const filterList = (filters: Map<Dimension, string[]>) => [...filters].map(([dimension, values]) => ({ dimension, values }));
const range = (r: { from: number; to: number }) => ({ from: toIso(r.from), to: toIso(r.to) });

/** The SQL behind a figure, with each bound parameter's declared type and JSON value. */
export function sqlOf(statements: readonly Statement[]): SqlStatement[] {
  return statements.map((s) => {
    const types = new Map<string, string>();
    for (const m of s.sql.matchAll(/\{(\w+):([^}]+)\}/g)) types.set(m[1]!, m[2]!);
    return {
      sql: s.sql,
      params: [...types].map(([name, type]) => ({ name, type, value: JSON.stringify(s.params[name] ?? null) })),
    };
  });
}

function sqlFor(access: Access, sql: SqlStatement[]): SqlStatement[] {
  requireRole(access, 'analyst', 'The SQL behind a figure');
  return sql;
}

/** Models and vendors a note or item may name (the scope rules are in retro/documents.ts). */
const knownValues = async (catalogue: GraphQLContext['catalogue'], access: Access) => {
  const { values, visible } = await catalogue.get(access);
  return { models: values.get('MODEL') ?? [], vendors: values.get('VENDOR') ?? [], visibleModels: visible.get('MODEL') ?? [], visibleVendors: visible.get('VENDOR') ?? [] };
};

/** Records a changed note or item in the audit log, and passes it on. */
async function audited<T extends { id: string; version: number; title?: string }>(ctx: GraphQLContext, action: AuditAction, doc: T): Promise<T> {
  await ctx.security.audit.record({ actor: ctx.access.username, action, target: doc.id, detail: JSON.stringify({ version: doc.version }), ip: ctx.ip });
  return doc;
}

/**
 * The figures a kpis or attention question asks for, against their comparison period. A filter on
 * a dimension no metric has is refused; one on a dimension only some metrics have is left out for
 * the others (each answer lists the filters in force).
 */
async function kpisAsked(input: KpiInput | AttentionInput, { db, catalogue, access }: GraphQLContext) {
  if (input.metrics.length === 0 || input.metrics.length > 40) throw badInput('input.metrics: give 1 to 40 metric ids.', 'input.metrics');
  const parsed = input.metrics.map((id, i) => parseMetric(id, `input.metrics[${i}]`));
  const data = await catalogue.get(access);
  // a range longer than the data is cut to the data's span rather than refused
  const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
  parseZone(input.timeZone, 'input.timeZone');
  if (input.comparison === 'CUSTOM' && !input.comparisonRange) {
    throw badInput('input.comparisonRange is required when comparison is CUSTOM.', 'input.comparisonRange');
  }
  const custom = input.comparisonRange ? fitRange(parseRange(input.comparisonRange, 'input.comparisonRange'), data.span, 'input.comparisonRange') : null;
  const defs = parsed.map((def) => withTarget(def, data.targets));
  checkFilterDimensions(input.filters, 'input.filters');
  const asked = defs.map((def) => ({ def, filters: parseFilters(def, input.filters, data, access, 'input.filters', 'leave out') }));
  // asked at once: figures of one rollup and slice go to the engine as one statement (statementMerger.ts)
  const kpis: KpiResult[] = await Promise.all(asked.map(({ def, filters }) =>
    kpiOf(db, def, filters, { from: r.from, to: r.to, mode: input.comparison, custom, dataEnd: data.span ? data.span.to + HOUR_S : null })));
  return { kpis, data };
}

const kpiAnswer = (k: KpiResult) => ({
  metric: metricInfo(k.def), current: k.current, previous: k.previous, currentRange: range(k.currentRange),
  previousRange: k.previousRange ? range(k.previousRange) : null, absoluteChange: k.absoluteChange, relativeChange: k.relativeChange,
  pValue: k.pValue, test: k.test, significant: k.significant, targetStatus: k.targetStatus,
  filters: filterList(k.filters), sql: sqlOf(k.statements),
});

const viewAnswer = (v: View) => ({ ...v, range: v.range ? range(v.range) : null });

export const resolvers: Resolvers = {
  Mutation: {
    ...adminResolvers.Mutation,
    ...alertResolvers.Mutation,
    ...dsaResolvers.Mutation,
    async createNote(_parent, { input }, ctx) {
      const { db, catalogue, access } = ctx;
      requireRole(access, 'editor', 'Writing incident notes');
      return audited(ctx, 'note_created', noteOf(await createNote(db, input, await knownValues(catalogue, access), access)));
    },
    async updateNote(_parent, { id, expectedVersion, input }, ctx) {
      const { db, catalogue, access } = ctx;
      requireRole(access, 'editor', 'Editing incident notes');
      return audited(ctx, 'note_updated', noteOf(await updateNote(db, id, expectedVersion, input, await knownValues(catalogue, access), access)));
    },
    async deleteNote(_parent, { id, expectedVersion }, ctx) {
      const { db, access } = ctx;
      requireRole(access, 'editor', 'Deleting incident notes');
      return audited(ctx, 'note_deleted', noteOf(await deleteNote(db, id, expectedVersion, access)));
    },
    async createRetroItem(_parent, { input }, ctx) {
      requireRole(ctx.access, 'editor', 'Writing retrospective findings and actions');
      return audited(ctx, 'item_created', retroItemOf(await createRetroItem(ctx.db, input, await knownValues(ctx.catalogue, ctx.access), ctx.access)));
    },
    async updateRetroItem(_parent, { id, expectedVersion, input }, ctx) {
      requireRole(ctx.access, 'editor', 'Editing retrospective findings and actions');
      return audited(ctx, 'item_updated', retroItemOf(await updateRetroItem(ctx.db, id, expectedVersion, input, await knownValues(ctx.catalogue, ctx.access), ctx.access)));
    },
    async deleteRetroItem(_parent, { id, expectedVersion }, ctx) {
      requireRole(ctx.access, 'editor', 'Deleting retrospective findings and actions');
      return audited(ctx, 'item_deleted', retroItemOf(await deleteRetroItem(ctx.db, id, expectedVersion, ctx.access)));
    },
  },
  // The SQL behind a figure is for analysts and above.
  AlertChannel: alertResolvers.AlertChannel,
  Series: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },
  Breakdown: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },
  Kpi: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },
  ModelCurve: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },
  ScoreDrift: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },
  AnnotatorAgreement: { sql: (parent, _args, { access }) => sqlFor(access, parent.sql) },

  Query: {
    ...adminResolvers.Query,
    ...alertResolvers.Query,
    ...dsaResolvers.Query,
    async catalogue(_parent, _args, { catalogue, access }) {
      const data = await catalogue.get(access);
      return {
        // only the metrics the asker's scope can be applied to, and only the values inside it
        metrics: METRICS.filter((m) => canSee(access, metricDimensions(m))).map((m) => metricInfo(withTarget(m, data.targets))),
        dimensions: Object.values(DIMENSIONS).map((d) => ({
          id: d.id,
          label: d.label,
          values: (data.visible.get(d.id) ?? []).map((code) => ({
            code, label: d.values?.find((v) => v.code === code)?.label ?? d.labelOf?.(code) ?? code, parent: d.parentOf?.(code) ?? null,
          })),
          limitedByAccess: limitedByAccess(access, d.id),
          parentDimension: d.parent ?? null,
        })),
        dataFrom: data.span ? toIso(data.span.from) : null,
        dataTo: data.span ? toIso(data.span.to + HOUR_S) : null,
        timeZones: [...TIME_ZONES],
        grains: GRAINS.map((grain) => ({ grain, maxRangeDays: MAX_RANGE_DAYS[grain] })),
        autoGrainMaxBuckets: AUTO_GRAIN_MAX_BUCKETS,
      };
    },

    async series(_parent, { input }, { db, catalogue, access }) {
      const def = parseMetric(input.metric, 'input.metric');
      const r = parseRange(input.range, 'input.range');
      const minGrain = ROLLUPS[def.rollup].grain;
      const asked = input.grain ?? autoGrain(r, minGrain);
      checkGrain(def, asked, minGrain, 'input.grain');
      const { grain, note: grainNote } = fitGrain(r, asked, 'input.range');
      const zone = parseZone(input.timeZone, 'input.timeZone');
      if (input.groupBy) checkDimension(def, input.groupBy, 'input.groupBy');
      const data = await catalogue.get(access);
      checkFilterDimensions(input.filters, 'input.filters');
      const filters = parseFilters(def, input.filters, data, access, 'input.filters', 'leave out');
      const topN = parseTopN(input.topN, 8, MAX_TOP_N, 'input.topN');
      const s = await seriesOf(db, def, { from: r.from, to: r.to, grain, zone, filters, groupBy: input.groupBy ?? null, topN });
      return {
        metric: metricInfo(withTarget(def, data.targets)), range: range(s), grain: s.grain, grainNote, timeZone: s.zone, buckets: s.buckets.map(toIso),
        groups: s.groups,
        bucketTotals: s.bucketTotals, total: s.total, filters: filterList(filters), sql: sqlOf(s.statements),
      };
    },

    // The tiles' sparklines in one request: each is the series a tile would ask alone (automatic
    // grain, no grouping), so a page of 14 tiles asks once instead of 14 times.
    async sparklines(_parent, { input }, { db, catalogue, access }) {
      if (input.metrics.length === 0 || input.metrics.length > 40) throw badInput('input.metrics: give 1 to 40 metric ids.', 'input.metrics');
      const defs = input.metrics.map((id, i) => parseMetric(id, `input.metrics[${i}]`));
      const zone = parseZone(input.timeZone, 'input.timeZone');
      checkFilterDimensions(input.filters, 'input.filters');
      const data = await catalogue.get(access);
      const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
      const asked = defs.map((def) => {
        const grain = autoGrain(r, ROLLUPS[def.rollup].grain);
        checkSpan(r, grain, 'input.range');
        return { def, grain, filters: parseFilters(def, input.filters, data, access, 'input.filters', 'leave out') };
      });
      // asked at once: series of one rollup, slice and grain go to the engine as one statement
      return Promise.all(asked.map(async ({ def, grain, filters }) => {
        const s = await seriesOf(db, def, { from: r.from, to: r.to, grain, zone, filters, groupBy: null, topN: 1 });
        return { metric: metricInfo(withTarget(def, data.targets)), grain: s.grain, values: (s.groups[0]?.points ?? []).map((p) => p.value) };
      }));
    },

    async breakdown(_parent, { input }, { db, catalogue, access }) {
      const def = parseMetric(input.metric, 'input.metric');
      const data = await catalogue.get(access);
      const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
      const dims = input.dimensions;
      if (dims.length < 1 || dims.length > 2) throw badInput('input.dimensions: give one or two dimensions.', 'input.dimensions');
      if (dims[0] === dims[1]) throw badInput('input.dimensions: give two different dimensions.', 'input.dimensions');
      dims.forEach((d, i) => checkDimension(def, d, `input.dimensions[${i}]`));
      checkFilterDimensions(input.filters, 'input.filters');
      const filters = parseFilters(def, input.filters, data, access, 'input.filters', 'leave out');
      const topN = parseTopN(input.topN, 25, MAX_BREAKDOWN_TOP_N, 'input.topN');
      const b = await breakdownOf(db, def, { from: r.from, to: r.to, dims, filters, topN });
      return {
        metric: metricInfo(withTarget(def, data.targets)), range: range(b), dimensions: dims, cells: b.cells, marginals: b.marginals, total: b.total,
        filters: filterList(filters), sql: sqlOf(b.statements),
      };
    },

    async kpis(_parent, { input }, ctx) {
      const { kpis } = await kpisAsked(input, ctx);
      if (input.groupBy && !kpis.some((k) => metricDimensions(k.def).includes(input.groupBy!))) {
        throw badInput(`input.groupBy: none of these metrics can be split by ${input.groupBy}.`, 'input.groupBy');
      }
      const out = [];
      for (const k of kpis) {
        // with a split: each value compared between the two periods by the headline's own test
        const split = input.groupBy && metricDimensions(k.def).includes(input.groupBy)
          ? await groupComparisonsOf(ctx.db, k.def, k.filters, input.groupBy, k.currentRange, k.previousRange)
          : null;
        out.push({ ...kpiAnswer(k), groups: split?.groups ?? null, sql: sqlOf([...k.statements, ...(split?.statements ?? [])]) });
      }
      return out;
    },

    async attention(_parent, { input }, ctx) {
      const { kpis, data } = await kpisAsked(input, ctx);
      const zone = parseZone(input.timeZone, 'input.timeZone');
      const a = await attentionOf(ctx.db, { kpis, dataFrom: data.span?.from ?? null, zone, grainFor: autoGrain });
      return {
        tested: a.tested, cellsTested: a.cellsTested, falseDiscoveryRate: a.falseDiscoveryRate,
        flags: a.flags.map((f) => ({
          metric: metricInfo(f.kpi.def), kpi: kpiAnswer(f.kpi), reasons: f.reasons, view: viewAnswer(f.view),
          culprit: f.culprit && {
            ...f.culprit,
            badRun: f.culprit.badRun && { from: toIso(f.culprit.badRun.from), to: toIso(f.culprit.badRun.to), ongoing: f.culprit.badRun.ongoing, grain: f.culprit.badRun.grain, timeZone: f.culprit.badRun.zone },
          },
        })),
      };
    },

    async modelCurve(_parent, { input }, { db, catalogue, access }) {
      const data = await catalogue.get(access);
      const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
      const target = input.precisionTarget ?? 0.9;
      if (!(target > 0 && target <= 1)) throw badInput('input.precisionTarget must be in (0, 1].', 'input.precisionTarget');
      const c = await modelCurveOf(db, data, { model: input.model, version: input.version, from: r.from, to: r.to, filters: input.filters ?? [], precisionTarget: target, access });
      return { ...c, sql: sqlOf(c.statements) };
    },

    async scoreDrift(_parent, { input }, { db, catalogue, access }) {
      const data = await catalogue.get(access);
      const baseline = fitRange(parseRange(input.baseline, 'input.baseline'), data.span, 'input.baseline');
      const current = fitRange(parseRange(input.current, 'input.current'), data.span, 'input.current');
      const d = await scoreDriftOf(db, data, { model: input.model, baseline, current, filters: input.filters ?? [], access });
      return { ...d, sql: sqlOf(d.statements) };
    },

    async markers(_parent, { input }, { db, access }) {
      const r = parseRange(input.range, 'input.range');
      // events are few: a list may cover as long a range as a monthly series
      checkSpan(r, 'MONTH', 'input.range');
      const regions = regionsFor(access, codes(input.regions, REGION_CODES, 'input.regions', filterableRegions(access)), 'input.regions');
      const policies = codes(input.policies, POLICIES.map((x) => x.code), 'input.policies');
      const rows = await run<{ kind: 'ROLLOUT' | 'ROLLBACK' | 'INCIDENT'; at: string; ends_at: string | null; title: string; detail: string; regions: string[]; countries: string[]; policies: string[]; models: string[]; vendors: string[] }>(
        db, markersStatement(r.from, r.to, regions, policies, scopeBounds(access)),
      );
      return rows.map((m) => ({
        kind: m.kind, at: toIso(Number(m.at)), endsAt: m.ends_at === null ? null : toIso(Number(m.ends_at)), title: m.title, detail: m.detail || null,
        regions: m.regions, countries: m.countries, policies: m.policies, models: m.models, vendors: m.vendors,
      }));
    },

    async notes(_parent, { input }, { db, access }) {
      const r = parseRange(input.range, 'input.range');
      const regions = regionsFor(access, codes(input.regions, REGION_CODES, 'input.regions', filterableRegions(access)), 'input.regions');
      const policies = codes(input.policies, POLICIES.map((x) => x.code), 'input.policies');
      return (await run<Row>(db, notesStatement(r.from, r.to, regions, policies, scopeBounds(access)))).map(noteOf);
    },

    async retrospective(_parent, { input }, { db, catalogue, access, publicUrl }) {
      const data = await catalogue.get(access);
      if (!data.span) throw badInput('There is no data yet: a retrospective needs at least one week of moderation decisions.', 'input.week');
      let week: number;
      if (input.week) {
        const t = Date.parse(`${input.week}T00:00:00Z`) / 1000;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.week) || !Number.isFinite(t) || new Date(t * 1000).getUTCDay() !== 1) {
          throw badInput(`input.week must be the Monday (YYYY-MM-DD) of an ISO week; got ${JSON.stringify(input.week.slice(0, 20))}.`, 'input.week');
        }
        inDateRange(input.week, 'input.week');
        week = t;
      } else week = lastCompleteWeekStart(data.span.to + HOUR_S);
      checkFilterDimensions(input.filters, 'input.filters');
      const r = await retrospectiveOf(db, data, { week, filters: input.filters ?? [], access });
      const notes = r.notes.map(noteOf);
      const items = r.items.map(retroItemOf);
      return {
        week: r.week, range: r.range, filters: r.filters,
        headlines: r.headlines.map((h) => ({ ...h, metric: metricInfo(h.def), view: viewAnswer(h.view) })),
        movers: r.movers.map((m) => ({ ...m, dimensions: m.dims, metric: metricInfo(m.def), view: viewAnswer(m.view) })),
        moversTested: r.moversTested, falseDiscoveryRate: r.falseDiscoveryRate,
        anomalies: r.anomalies.map((a) => ({ ...a, metric: metricInfo(a.def), day: toIso(a.day), view: viewAnswer(a.view) })),
        events: r.events.map((e) => ({ ...e, at: toIso(e.at), endsAt: e.endsAt === null ? null : toIso(e.endsAt), view: viewAnswer(e.view) })),
        notes, items, markdown: retrospectiveMarkdown(r, notes, items, publicUrl ?? ''),
      };
    },

    async noteHistory(_parent, { id }, { db, access }) {
      return (await noteHistory(db, id, access)).map(noteOf);
    },

    async annotatorAgreement(_parent, { input }, { db, catalogue, access }) {
      const data = await catalogue.get(access);
      const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
      const a = await annotatorAgreementOf(db, data, { a: input.annotatorA, b: input.annotatorB, from: r.from, to: r.to, filters: input.filters ?? [], access });
      return { ...a, sql: sqlOf(a.statements) };
    },

    async annotators(_parent, { input }, { db, catalogue, access }) {
      const data = await catalogue.get(access);
      const r = fitRange(parseRange(input.range, 'input.range'), data.span, 'input.range');
      const a = await annotatorsOf(db, data, { from: r.from, to: r.to, filters: input.filters ?? [], pairedWith: input.pairedWith ?? null, search: input.search ?? null, access });
      return a.annotators;
    },
  },
};
