// Loads the deterministic demo: same options, same rows. Streams run one after another; within a
// stream, generating the next batch overlaps with inserting the previous one.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { TsvWriter } from './writer.js';
import { generateModeration } from './moderation.js';
import { generateModels, rolloutRows } from './models.js';
import { generateAnnotation } from './annotation.js';
import {
  DECISIONS_INSERT, ENQUEUES_INSERT, APPEALS_INSERT, PREDICTIONS_INSERT, GROUND_TRUTH_INSERT, TASK_EVENTS_INSERT, LABELS_INSERT, AUDITS_INSERT,
  ENCODED_INSERTS, createLoaderSql, dropLoaderSql, type EncodedInsert,
} from '../queries/demoInserts.js';
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

export async function seedDemo(db: Database, log: Logger, o: DemoOptions): Promise<SeedResult> {
  if (o.end % DAY !== 0) throw new Error('the demo must end at a UTC midnight');
  const started = performance.now();
  log.info({ ...o, end: new Date(o.end * 1000).toISOString() }, 'seeding the demo');
  for (const insert of ENCODED_INSERTS) for (const sql of createLoaderSql(insert)) await db.command('seed.loader', sql);
  let rows: Record<string, number>;
  try {
    rows = await loadStreams(db, log, o, started);
  } finally {
    for (const insert of ENCODED_INSERTS) for (const sql of dropLoaderSql(insert)) await db.command('seed.loader', sql);
  }
  const seconds = (performance.now() - started) / 1000;
  log.info({ rows, seconds: Math.round(seconds * 10) / 10 }, 'demo loaded');
  return { rows, seconds };
}

async function loadStreams(db: Database, log: Logger, o: DemoOptions, started: number): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const writer = (insert: EncodedInsert, batchBytes?: number) => new TsvWriter(db, insert, batchBytes);
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
  await db.insertRows('seed.model_rollouts', 'model_rollouts', rollouts);
  rows.model_rollouts = rollouts.length;

  const annotation = { taskEvents: writer(TASK_EVENTS_INSERT), labels: writer(LABELS_INSERT), audits: writer(AUDITS_INSERT) };
  await generateAnnotation(o, annotation);
  await done(annotation.taskEvents, annotation.labels, annotation.audits);

  const surge = surgeWindow(o);
  if (surge.from >= o.end - o.days * DAY) {
    await db.insertRows('seed.incident_notes', 'incident_notes', [
      {
        note_id: `demo-surge-${o.seed}`, version: 1, starts_at: toClickHouseDateTime(surge.from), ends_at: toClickHouseDateTime(surge.to),
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
