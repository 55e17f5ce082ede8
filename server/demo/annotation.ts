// Demo annotation: labelling tasks, the annotators' answers (annotators learn: accuracy rises
// and handle time falls with experience), golden tasks, multi-labelled tasks for agreement,
// and QA audits.
import { ANNOTATION_ANSWERS } from '../domain/taxonomy.js';
import { Rng, WeightedPicker } from './rng.js';
import type { TsvWriter } from './writer.js';
import { indexOf } from './dictionaries.js';
import {
  DAY, HOUR, ONBOARDING, POLICY_SHARE, QUEUES, SITE_TEAM, SURGE, diurnal, surgeIntensity, weekly, type DemoOptions, type QueueDef,
} from './world.js';


interface Annotator {
  /** number within the site: the stored id is `${site}-${number}` */
  number: number;
  started: number;
  maxAccuracy: number;
  speed: number;
  isNewHire: boolean;
}

const TRUTH = new WeightedPicker(ANNOTATION_ANSWERS, [0.45, 0.15, 0.4]);
const STARTING_ACCURACY = 0.62;

export interface AnnotationWriters {
  taskEvents: TsvWriter;
  labels: TsvWriter;
  audits: TsvWriter;
}

export async function generateAnnotation(o: DemoOptions, w: AnnotationWriters): Promise<void> {
  const rng = new Rng(o.seed, 3);
  const start = o.end - o.days * DAY;
  const onboardedAt = o.end - ONBOARDING.daysBeforeEnd * DAY;

  const teams = new Map<string, Annotator[]>();
  for (const [site, size] of Object.entries(SITE_TEAM)) {
    const team: Annotator[] = [];
    const n = Math.max(4, Math.round(size * o.scale));
    for (let i = 0; i < n; i++) {
      team.push({ number: i + 1, started: start - (30 + rng.int(400)) * DAY, maxAccuracy: 0.93 + 0.05 * rng.next(), speed: rng.lognormal(1, 0.25), isNewHire: false });
    }
    if (site.startsWith(ONBOARDING.vendor)) {
      const hires = Math.max(3, Math.round(ONBOARDING.newAnnotatorsPerSite * o.scale));
      for (let i = 0; i < hires; i++) {
        team.push({ number: n + i + 1, started: onboardedAt + rng.int(DAY), maxAccuracy: 0.93 + 0.05 * rng.next(), speed: rng.lognormal(1, 0.25), isNewHire: true });
      }
    }
    teams.set(site, team);
  }

  const accuracy = (a: Annotator, t: number) => a.maxAccuracy - (a.maxAccuracy - STARTING_ACCURACY) * Math.exp(-(t - a.started) / (6 * DAY));

  /** Annotators on duty at t; new hires get most of the work in their first 12 days. */
  const pickAnnotator = (site: string, t: number, exclude: Set<number>): Annotator => {
    const team = teams.get(site)!;
    for (;;) {
      const a = team[rng.int(team.length)]!;
      if (a.started > t || exclude.has(a.number)) continue;
      const fresh = a.isNewHire && t - a.started < 12 * DAY;
      if (!fresh && team.some((x) => x.isNewHire && x.started <= t && t - x.started < 12 * DAY) && rng.chance(0.6)) continue;
      return a;
    }
  };

  let nextId = 0;
  const task = (q: QueueDef, queueIndex: number, policyPicker: WeightedPicker<string>, t: number) => {
    const taskId = nextId++;
    const created = t + rng.int(HOUR);
    const region = rng.pick(q.regions);
    const policy = policyPicker.pick(rng);
    const golden = rng.chance(0.06);
    const required = !golden && rng.chance(0.12) ? 3 : 1;
    const truth = TRUTH.pick(rng);
    const sla = q.slaHours * HOUR;
    const dims = `${queueIndex}\t${indexOf('region', region)}\t${indexOf('policy', policy)}`;
    w.taskEvents.push(`${taskId}\t0\t${created}\t${created}\t${dims}\t${sla}\t${required}`);
    // Story 3 reaches labelling too: the LATAM queues fall behind during the election surge.
    const backlog = q.regions.includes(SURGE.region) ? 1 + 9 * surgeIntensity(o, created) : 1;
    let completed = 0;
    const seen = new Set<number>();
    for (let k = 0; k < required; k++) {
      const wait = Math.round(rng.lognormal(1.5 * HOUR * backlog, 0.9));
      const a = pickAnnotator(q.site, created + wait, seen);
      seen.add(a.number);
      const experience = Math.exp(-(created + wait - a.started) / (10 * DAY));
      const handle = Math.round(Math.min(1800, Math.max(3, rng.lognormal(40 * a.speed * (1 + experience), 0.5))));
      const submitted = created + wait + handle;
      if (submitted >= o.end) return; // task still open at the end of the data
      const acc = accuracy(a, submitted) - (truth === 'borderline' ? 0.2 : 0);
      const answer = rng.chance(acc) ? truth : rng.pick(ANNOTATION_ANSWERS.filter((x) => x !== truth));
      const labelKey = `${taskId}\t${k + 1}\t${a.number}\t${dims}`;
      w.labels.push(`${labelKey}\t${created}\t${submitted}\t${indexOf('answer', answer)}\t${golden ? 1 : 0}\t${golden ? indexOf('answer', truth) : 0}\t${handle}\t${required}`);
      if (!golden && rng.chance(0.04)) {
        const passed = answer === truth ? rng.chance(0.98) : rng.chance(0.08);
        const audited = submitted + Math.round(rng.lognormal(DAY, 0.5));
        if (audited < o.end) w.audits.push(`${labelKey}\t${audited}\t${passed ? 1 : 0}`);
      }
      completed = Math.max(completed, submitted);
    }
    w.taskEvents.push(`${taskId}\t1\t${completed}\t${created}\t${dims}\t${sla}\t${required}`);
  };

  const pickers = QUEUES.map((q) => new WeightedPicker(q.policies, q.policies.map((p) => POLICY_SHARE[p]!)));
  for (let t = start; t < o.end; t += HOUR) {
    const utcHour = (t / HOUR) % 24;
    QUEUES.forEach((q, i) => {
      const n = rng.poisson(((q.tasksPerDay * o.scale) / 24) * diurnal(utcHour, q.regions[0]!) * weekly(t));
      for (let k = 0; k < n; k++) task(q, i, pickers[i]!, t);
    });
    await Promise.all([w.taskEvents.maybeFlush(), w.labels.maybeFlush(), w.audits.maybeFlush()]);
  }
}
