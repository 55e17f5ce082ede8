// Loads the deterministic demo: same options, same rows. Streams run one after another; within a
// stream, generating the next batch overlaps with inserting the previous one.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { TsvWriter } from './writer.js';
import { generateModeration } from './moderation.js';
import { generateModels, rolloutRows } from './models.js';
import { generateAnnotation } from './annotation.js';
import { loadDsaDemo } from './dsa.js';
import {
  DECISIONS_INSERT, ENQUEUES_INSERT, APPEALS_INSERT, PREDICTIONS_INSERT, GROUND_TRUTH_INSERT, TASK_EVENTS_INSERT, LABELS_INSERT, AUDITS_INSERT,
  ENCODED_INSERTS, createLoaderSql, dropLoaderSql, type EncodedInsert,
} from './inserts.js';
import { DEMO_LOAD_MARK_SQL, DEMO_NOTE_EXISTS, UNFINISHED_DEMO_LOADS, rolloutsInsertSql } from '../queries/demoLoads.js';
import { run } from '../queries/statements.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { DAY, surgeWindow, utcMidnight, type DemoOptions } from './world.js';

export type { DemoOptions };

export function defaultDemoOptions(partial: Partial<DemoOptions> = {}): DemoOptions {
  return {
    seed: partial.seed ?? 42,
    days: partial.days ?? 90,
    scale: partial.scale ?? 1,
    // Up to the start of today (UTC), so yesterday is the last complete day.
    end: partial.end ?? utcMidnight(Date.now() / 1000),
  };
}

export interface SeedResult {
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Loads the demo, marked started (with its options) before the first row and complete after the
 * last. Every insert carries a token made of the load id: the same load run again (resumeDemoLoads)
 * skips what it had written and writes the rest.
 */
export async function seedDemo(db: Database, log: Logger, o: DemoOptions, loadId = randomBytes(8).toString('hex')): Promise<SeedResult> {
  if (o.end % DAY !== 0) throw new Error('the demo must end at a UTC midnight');
  const started = performance.now();
  log.info({ ...o, end: new Date(o.end * 1000).toISOString(), loadId }, 'seeding the demo');
  const mark = (state: string) => db.command('seed.mark', DEMO_LOAD_MARK_SQL, { load: loadId, options: JSON.stringify(o), state });
  await mark('started');
  for (const insert of ENCODED_INSERTS) for (const sql of createLoaderSql(insert)) await db.command('seed.loader', sql);
  let rows: Record<string, number>;
  try {
    rows = await loadStreams(db, log, o, started, `demo-${loadId}`);
  } finally {
    for (const insert of ENCODED_INSERTS) for (const sql of dropLoaderSql(insert)) await db.command('seed.loader', sql);
  }
  await mark('complete');
  const seconds = (performance.now() - started) / 1000;
  log.info({ rows, seconds: Math.round(seconds * 10) / 10 }, 'demo loaded');
  return { rows, seconds };
}

async function loadStreams(db: Database, log: Logger, o: DemoOptions, started: number, tokenPrefix: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const writer = (insert: EncodedInsert, batchBytes?: number) => new TsvWriter(db, insert, batchBytes, tokenPrefix);
  const done = async (...writers: TsvWriter[]) => {
    for (const w of writers) {
      await w.close();
      rows[w.table] = w.rows;
    }
    log.info({ tables: writers.map((w) => w.table), seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo stream loaded');
  };

  const moderation = { decisions: writer(DECISIONS_INSERT), enqueues: writer(ENQUEUES_INSERT), appeals: writer(APPEALS_INSERT) };
  await generateModeration(o, moderation);
  await done(moderation.decisions, moderation.enqueues, moderation.appeals);

  // Ground truth goes in as one insert after the predictions: labels could come first (each insert
  // of either joins the other, migration 0012), but one large lookup is cheaper than many.
  const models = { predictions: writer(PREDICTIONS_INSERT), groundTruth: writer(GROUND_TRUTH_INSERT, Number.POSITIVE_INFINITY) };
  await generateModels(o, models);
  await done(models.predictions, models.groundTruth);
  const rollouts = rolloutRows(o);
  await db.insertJsonWith('seed.model_rollouts', rolloutsInsertSql(`${tokenPrefix}-model_rollouts`), rollouts);
  rows.model_rollouts = rollouts.length;

  const annotation = { taskEvents: writer(TASK_EVENTS_INSERT), labels: writer(LABELS_INSERT), audits: writer(AUDITS_INSERT) };
  await generateAnnotation(o, annotation);
  await done(annotation.taskEvents, annotation.labels, annotation.audits);

  // the EU service's DSA events for the last complete half-year (README "DSA transparency report")
  for (const [table, n] of Object.entries(await loadDsaDemo(db, o, tokenPrefix))) rows[table] = (rows[table] ?? 0) + n;
  log.info({ seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo DSA service loaded');

  const surge = surgeWindow(o);
  const noteId = `demo-surge-${o.seed}`;
  // a note is a document people may edit: written once, never a second copy
  if (surge.from >= o.end - o.days * DAY && Number((await run<{ n: string }>(db, DEMO_NOTE_EXISTS(noteId)))[0]?.n ?? 0) === 0) {
    await db.insertRows('seed.incident_notes', 'incident_notes', [
      {
        note_id: noteId, version: 1, starts_at: toClickHouseDateTime(surge.from), ends_at: toClickHouseDateTime(surge.to),
        regions: ['LATAM'], policies: ['misinformation', 'hate_speech', 'harassment_bullying'], models: [], vendors: [],
        title: 'Election in Brazil: surge of user reports',
        body: 'User reports about misinformation, hate speech and harassment rose several-fold around the election. Surge staffing requested for the LATAM review queues.',
        tags: ['election', 'surge'], author: 'demo', is_deleted: 0, updated_at: `${toClickHouseDateTime(surge.from)}.000`,
      },
    ]);
    rows.incident_notes = 1;
  }
  return rows;
}

/** Demo loads started but never completed (the disk filled, the process was killed). */
export async function unfinishedDemoLoads(db: Database): Promise<{ loadId: string; options: DemoOptions }[]> {
  const loads = await run<{ load_id: string; options: string }>(db, UNFINISHED_DEMO_LOADS);
  return loads.map((l) => {
    const o = JSON.parse(l.options) as DemoOptions;
    for (const k of ['seed', 'days', 'scale', 'end'] as const) {
      if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`demo load ${l.load_id}: its options have no valid ${k}`);
    }
    return { loadId: l.load_id, options: { seed: o.seed, days: o.days, scale: o.scale, end: o.end } };
  });
}

/** Runs every unfinished demo load again with its own options and id, so it completes. */
export async function resumeDemoLoads(db: Database, log: Logger): Promise<number> {
  const loads = await unfinishedDemoLoads(db);
  for (const { loadId, options } of loads) {
    log.warn({ loadId }, 'a demo load was interrupted: loading it again (what it stored is kept, the rest is added)');
    await seedDemo(db, log, options, loadId);
  }
  return loads.length;
}
