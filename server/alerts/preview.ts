// "What would this rule have fired on": the rule as written, evaluated over the last 90 days of
// data exactly as the engine would (same windows, tests, minimum duration), nothing stored or sent.
import type { Database } from '../db/database.js';
import { DAY_S } from '../domain/time.js';
import { badInput } from '../domain/errors.js';
import type { Access } from '../access/access.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { checkRule, type RuleInput } from './rules.js';
import { episodesOf, evaluateRule } from './evaluate.js';

export const PREVIEW_DAYS = 90;

export async function previewRule(db: Database, data: DataCatalogue, input: RuleInput, access: Access, channelIds: readonly string[]) {
  if (!data.span) throw badInput('There is no data yet to preview a rule on.', 'input');
  const checked = checkRule(input, data, access, channelIds);
  const to = data.span.to;
  const from = to - PREVIEW_DAYS * DAY_S;
  const rule = { ...checked, id: 'preview', version: 0, author: access.username, updatedBy: access.username, updatedAt: '' };
  const evaluations = await evaluateRule(db, rule, data.targets, from, to);
  return { from, to, evaluations: evaluations.length, episodes: episodesOf(evaluations) };
}
