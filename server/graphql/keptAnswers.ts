// Whole answers of the figure fields, kept across requests (README, Speed: *Kept answers*). The
// statements' answers are already shared (db/answerCache.ts), but each request still ran its
// resolver over them — parsing the question, ranking and folding groups, testing KPIs — so a warm
// page and a crowd of people on the same view cost that work once per person. A field's answer
// here is kept under the question (the field's arguments), who may see it (role and data scope:
// the answer is built under that scope) and the catalogue version it was checked against (values,
// span, targets), and expires exactly as the statements it was built from: with every table they
// read, never later than they would. Anything read that is never cached (markers, notes) keeps
// the answer from being kept. Fields under a figure that depend on the asker (the SQL, shown to
// analysts and above) are still resolved per request from the kept parent.
import type { GraphQLResolveInfo } from 'graphql';
import { scopeKey } from '../access/access.js';
import { catalogueVersion } from '../metrics/dataInventory.js';
import type { GraphQLContext } from './context.js';

/** Query fields whose answers depend only on their arguments, the asker's role and scope, the catalogue and statements. */
export const KEPT_FIELDS = ['series', 'sparklines', 'breakdown', 'kpis', 'attention', 'modelCurve', 'scoreDrift', 'annotatorAgreement', 'annotators'] as const;

type Resolver<R> = (parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext, info: GraphQLResolveInfo) => Promise<R>;

export function keptAnswer<R>(field: string, resolve: Resolver<R>): Resolver<R> {
  return async (parent, args, ctx, info) => {
    const cache = ctx.db.answers;
    if (!cache) return resolve(parent, args, ctx, info);
    const catalogue = await ctx.catalogue.get(ctx.access);
    // graphql-js builds arguments in the schema's field order, so equal questions print equally
    const key = `${field}\n${ctx.access.role}\n${scopeKey(ctx.access)}\n${catalogueVersion(catalogue)}\n${JSON.stringify(args)}`;
    return cache.throughComposed(key, () => resolve(parent, args, ctx, info));
  };
}

/** The Query resolvers with every kept field's answer kept. */
export function withKeptAnswers<Q extends Record<string, unknown>>(query: Q): Q {
  const out: Record<string, unknown> = { ...query };
  for (const field of KEPT_FIELDS) {
    const resolve = query[field];
    if (typeof resolve !== 'function') throw new Error(`keptAnswers: Query.${field} has no resolver`);
    out[field] = keptAnswer(field, resolve as Resolver<unknown>);
  }
  return out as Q;
}
