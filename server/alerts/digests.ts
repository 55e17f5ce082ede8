// Digests sent to the digest channels: the weekly retrospective's Markdown (server/retro, the
// same text as its export) once the week's data is complete, and a morning "what needs attention"
// summary — what is firing, and headline metrics off target on the last complete day. Links are
// absolute from VIGIL_PUBLIC_URL. Both are team digests, computed without a scope.
import type { Database } from '../db/database.js';
import { DAY_S, fromClickHouseDateTime, lastCompleteWeekStart, toIso } from '../domain/time.js';
import { FULL_ACCESS } from '../access/access.js';
import { metricById } from '../definitions/metricCatalogue.js';
import { withTarget } from '../metrics/targets.js';
import { kpiOf } from '../metrics/kpis.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { HEADLINE_METRICS, retrospectiveOf } from '../retro/retrospective.js';
import { viewPath } from '../domain/views.js';
import { retrospectiveMarkdown, STATUS_TEXT, type ItemLine, type NoteLine } from '../retro/markdown.js';
import { formatValue } from '../retro/format.js';
import type { Message } from './channels.js';

type Row = Record<string, unknown>;
const instant = (v: unknown) => toIso(fromClickHouseDateTime(String(v)));
const day = (t: number) => toIso(t).slice(0, 10);

/** The retrospective of the last week the data covers whole, as a message (id: the week). */
export async function weeklyDigest(db: Database, data: DataCatalogue, dataEnd: number, publicUrl: string): Promise<Message | null> {
  const week = lastCompleteWeekStart(dataEnd);
  if (week + 7 * DAY_S > dataEnd) return null;
  const r = await retrospectiveOf(db, data, { week, filters: [], access: FULL_ACCESS });
  const notes: NoteLine[] = r.notes.map((n: Row) => ({ startsAt: instant(n.starts_at), title: String(n.title), body: String(n.body), author: String(n.author) }));
  const items: ItemLine[] = r.items.map((i: Row) => ({
    kind: i.kind as ItemLine['kind'], week: String(i.week), text: String(i.text), owner: String(i.owner),
    dueDate: i.due_date ? String(i.due_date) : null, status: i.status as ItemLine['status'], author: String(i.author),
  }));
  return {
    deliveryId: `digest:weekly:${r.week}`, kind: 'DIGEST', subject: `Vigil weekly retrospective — week of ${r.week}`,
    text: retrospectiveMarkdown(r, notes, items, publicUrl), link: `${publicUrl}/retrospective?week=${r.week}`,
  };
}

export interface FiringLine {
  rule: string;
  group: string;
  since: number;
  reason: string;
}

/** The morning summary of `today` (a UTC day start): what is firing, and headline metrics off target yesterday. */
export async function morningDigest(db: Database, data: DataCatalogue, today: number, dataEnd: number, firing: readonly FiringLine[], publicUrl: string): Promise<Message> {
  const yesterday = Math.min(today, Math.floor(dataEnd / DAY_S) * DAY_S) - DAY_S;
  const lines = [`# What needs attention — ${day(today)}`, ''];
  lines.push(`## Firing alerts (${firing.length})`, '');
  if (firing.length === 0) lines.push('Nothing is firing.', '');
  for (const f of firing) lines.push(`- **${f.rule}**${f.group ? ` — ${f.group}` : ''}, since ${toIso(f.since).slice(0, 16).replace('T', ' ')} UTC: ${f.reason}`);
  if (firing.length) lines.push('');
  lines.push(`## Off target on ${day(yesterday)}`, '');
  let off = 0;
  for (const id of HEADLINE_METRICS) {
    const def = withTarget(metricById(id)!, data.targets);
    if (!def.target) continue;
    const k = await kpiOf(db, def, new Map(), { from: yesterday, to: yesterday + DAY_S, mode: 'PREVIOUS_WEEK', custom: null, dataEnd });
    if (k.targetStatus !== 'BREACHED' && k.targetStatus !== 'AT_RISK') continue;
    off++;
    const href = `${publicUrl}${viewPath({ page: 'EXPLORE', metric: def.id, range: { from: yesterday - 27 * DAY_S, to: yesterday + DAY_S }, grain: 'DAY', filters: [] })}`;
    lines.push(`- [${def.label}](${href}): ${formatValue(k.current.value, def.unit)} — ${STATUS_TEXT[k.targetStatus]} (target ${def.target.direction === 'AT_LEAST' ? '≥' : '≤'} ${formatValue(def.target.value, def.unit)})`);
  }
  if (off === 0) lines.push('Every headline metric with a target is on target.');
  lines.push('', `[Open the Alerts page](${publicUrl}/alerts)`, '');
  return { deliveryId: `digest:morning:${day(today)}`, kind: 'DIGEST', subject: `Vigil — what needs attention, ${day(today)}`, text: lines.join('\n'), link: `${publicUrl}/` };
}
