// Loads the deterministic demo: same options, same rows. Streams run one after another; within a
// stream, generating the next batch overlaps with inserting the previous one.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { TsvWriter } from './writer.js';
import { DECISION_COLUMNS, ENQUEUE_COLUMNS, APPEAL_COLUMNS, generateModeration } from './moderation.js';
import { PREDICTION_COLUMNS, GROUND_TRUTH_COLUMNS, ROLLOUT_COLUMNS, generateModels } from './models.js';
import { TASK_EVENT_COLUMNS, LABEL_COLUMNS, QA_COLUMNS, generateAnnotation } from './annotation.js';
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
  const writer = (table: string, columns: readonly string[], batchRows?: number) => new TsvWriter(db, table, columns, batchRows);
  const rows: Record<string, number> = {};
  const done = async (...writers: TsvWriter[]) => {
    for (const w of writers) {
      await w.close();
      rows[w.table] = w.rows;
    }
    log.info({ tables: writers.map((w) => w.table), seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo stream loaded');
  };

  log.info({ ...o, end: new Date(o.end * 1000).toISOString() }, 'seeding the demo');
  const moderation = {
    decisions: writer('moderation_decisions', DECISION_COLUMNS),
    enqueues: writer('review_enqueues', ENQUEUE_COLUMNS),
    appeals: writer('appeal_events', APPEAL_COLUMNS),
  };
  await generateModeration(o, moderation);
  await done(moderation.decisions, moderation.enqueues, moderation.appeals);

  // Ground truth is held back until every prediction is stored: the join to predictions happens
  // when a label is inserted.
  const models = {
    predictions: writer('model_predictions', PREDICTION_COLUMNS),
    groundTruth: writer('ground_truth_labels', GROUND_TRUTH_COLUMNS, Number.POSITIVE_INFINITY),
    rollouts: writer('model_rollouts', ROLLOUT_COLUMNS),
  };
  await generateModels(o, models);
  await done(models.predictions, models.rollouts, models.groundTruth);

  const annotation = {
    taskEvents: writer('annotation_task_events', TASK_EVENT_COLUMNS),
    labels: writer('annotation_labels', LABEL_COLUMNS),
    audits: writer('qa_audits', QA_COLUMNS),
  };
  await generateAnnotation(o, annotation);
  await done(annotation.taskEvents, annotation.labels, annotation.audits);

  const surge = surgeWindow(o);
  if (surge.from >= o.end - o.days * DAY) {
    await db.insertRows('seed.incident_notes', 'incident_notes', [
      {
        note_id: `demo-surge-${o.seed}`, version: 1, starts_at: surge.from, ends_at: surge.to,
        regions: ['LATAM'], policies: ['misinformation', 'hate_speech', 'harassment_bullying'], models: [], vendors: [],
        title: 'Election in Brazil: surge of user reports',
        body: 'User reports about misinformation, hate speech and harassment rose several-fold around the election. Surge staffing requested for the LATAM review queues.',
        tags: ['election', 'surge'], author: 'demo', is_deleted: 0, updated_at: surge.from * 1000,
      },
    ]);
    rows.incident_notes = 1;
  }
  const seconds = (performance.now() - started) / 1000;
  log.info({ rows, seconds: Math.round(seconds * 10) / 10 }, 'demo loaded');
  return { rows, seconds };
}
