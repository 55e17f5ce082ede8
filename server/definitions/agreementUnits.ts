// What one agreement unit (a task with its answers in the cell) contributes to each agreement
// figure, as SQL over `answers`, the unit's (annotator, answer) pairs. Defined once: the catalogue's
// per-task measures add these up over the units of a cell, and the agreement refresh
// (queries/agreementRefresh.ts) adds them up per day ahead of time for the tasks held in one row.
// Every component is a sum over units, which is why both ways give the same figure.

/** The unit's answers, without who gave them. */
export const TASK_VALUES = 'arrayMap(x -> x.2, answers)';

/** A unit counts only with two or more answers: a single answer forms no pair. */
export const PAIRABLE = 'length(answers) >= 2';

const countOf = (v: string) => `countEqual(${TASK_VALUES}, ${v})`;

export const UNIT = {
  /** 1 when the answers are not all the same */
  disagreeing: `length(arrayDistinct(${TASK_VALUES})) > 1`,
  /** ordered pairs of answers that agree: Σ_c m_c (m_c − 1) */
  agreeingPairs: `arraySum(arrayMap(v -> ${countOf('v')} * (${countOf('v')} - 1), arrayDistinct(${TASK_VALUES})))`,
  /** ordered pairs of answers: m (m − 1) */
  pairs: 'length(answers) * (length(answers) - 1)',
  /** Krippendorff's observed disagreement of the unit, Σ_{c≠k} o_ck = (m² − Σ_c m_c²) / (m − 1) */
  disagreement: `(length(answers) * length(answers) - arraySum(arrayMap(v -> ${countOf('v')} * ${countOf('v')}, arrayDistinct(${TASK_VALUES})))) / (length(answers) - 1)`,
  /** answers per value, as sumMap's (keys, values) */
  answerKeys: TASK_VALUES,
  answerOnes: 'arrayMap(x -> toUInt64(1), answers)',
} as const;
