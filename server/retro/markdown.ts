// The retrospective as Markdown, from the same data the page shows: tables and findings, with
// links back to the views (absolute when the server's public address is known).
import { formatValue } from './format.js';
import { viewPath } from '../domain/views.js';
import type { RetrospectiveData } from './retrospective.js';
import type { ActionStatus, RetroItemKind, TargetStatus } from '../domain/vocabulary.generated.js';

/** What the Markdown shows of an incident note (a field subset of the API's Note). */
export interface NoteLine {
  startsAt: string;
  title: string;
  body: string;
  author: string;
}

/** What the Markdown shows of a retrospective item (a field subset of the API's RetroItem). */
export interface ItemLine {
  kind: RetroItemKind;
  week: string;
  text: string;
  owner: string;
  dueDate?: string | null;
  status: ActionStatus;
  author: string;
}

/** The Target column, in the words the page uses. */
export const STATUS_TEXT: Record<TargetStatus, string> = {
  ON_TARGET: 'on target', AT_RISK: 'at risk', BREACHED: 'breached', NO_DATA: 'no data', NO_TARGET: 'no target',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const signed = (v: number | null, unit: string) =>
  v === null ? '–' : unit === 'RATIO' ? `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)} pp` : `${v > 0 ? '+' : ''}${formatValue(v, unit)}`;
const percent = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)} %`);
const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

export function retrospectiveMarkdown(r: RetrospectiveData, notes: readonly NoteLine[], items: readonly ItemLine[], baseUrl = ''): string {
  const url = (path: string) => `${baseUrl}${path}`;
  const lines: string[] = [];
  lines.push(`# Weekly retrospective — week of ${r.week}`, '');
  lines.push(`Week ${r.range.from.slice(0, 10)} to ${r.range.to.slice(0, 10)} (exclusive), UTC.${r.filters.length ? ` Scope: ${r.filters.map((f) => `${f.dimension.toLowerCase()} ${f.values.join(', ')}`).join('; ')}.` : ''}`, '');

  lines.push('## Headlines', '', '| Metric | Last week | Week before | Trailing 4 weeks | Change | p-value | Target |', '|---|---:|---:|---:|---:|---:|---|');
  for (const h of r.headlines) {
    const u = h.def.unit;
    lines.push(
      `| [${h.def.label}](${url(viewPath(h.view))}) | ${formatValue(h.lastWeek.value, u)} | ${formatValue(h.weekBefore?.value ?? null, u)} | ${formatValue(h.trailing?.value ?? null, u)} | ` +
        `${signed(h.absoluteChange, u)} (${percent(h.relativeChange)}) | ${h.pValue === null ? '–' : h.pValue < 0.001 ? '< 0.001' : h.pValue.toFixed(3)}${h.significant ? ' *' : ''} | ${STATUS_TEXT[h.targetStatus]} |`,
    );
  }
  lines.push('', '\\* significant at 5 % (two-proportion z-test for rates, exact Poisson test for counts).', '');

  lines.push('## Top movers', '');
  lines.push(`${r.moversTested} cells tested; shown are those significant with the false discovery rate controlled at ${r.falseDiscoveryRate * 100} % (Benjamini–Hochberg).`, '');
  if (r.movers.length === 0) lines.push('No cell changed significantly.', '');
  else {
    lines.push('| Metric | Slice | Before | Last week | Change | Contribution | q-value |', '|---|---|---:|---:|---:|---:|---:|');
    for (const m of r.movers) {
      const u = m.def.unit;
      lines.push(
        `| ${m.def.label} | [${cell(m.labels.join(' × '))}](${url(viewPath(m.view))}) | ${formatValue(m.previous.value, u)}${m.baseline === 'TRAILING_4_WEEKS' ? ' (4 weeks)' : ''} | ${formatValue(m.current.value, u)} | ${signed(m.change, u)} | ` +
          `${(m.contribution * 100).toFixed(1)} % | ${m.qValue < 0.001 ? '< 0.001' : m.qValue.toFixed(3)} |`,
      );
    }
    lines.push('');
  }

  lines.push('## Anomalies', '', 'Days outside the expected band for their weekday (median of the same weekday over the six previous weeks ± 3.5 robust standard deviations).', '');
  if (r.anomalies.length === 0) lines.push('None.', '');
  else {
    lines.push('| Day | Metric | Slice | Value | Expected | Band |', '|---|---|---|---:|---:|---|');
    for (const a of r.anomalies) {
      const u = a.def.unit;
      lines.push(`| ${day(a.day)} | [${a.def.label}](${url(viewPath(a.view))}) | ${cell(a.sliceLabel ?? 'all')} | ${formatValue(a.value, u)} | ${formatValue(a.expected, u)} | ${formatValue(a.low, u)} – ${formatValue(a.high, u)} |`);
    }
    lines.push('');
  }

  lines.push('## What happened', '');
  if (r.events.length === 0 && notes.length === 0) lines.push('Nothing recorded.', '');
  for (const e of r.events) lines.push(`- **${day(e.at)}${e.endsAt ? ` – ${day(e.endsAt - 1)}` : ''}** [${cell(e.title)}](${url(viewPath(e.view))})${e.detail ? `: ${cell(e.detail)}` : ''}`);
  for (const n of notes) lines.push(`- **${n.startsAt.slice(0, 10)}** incident: ${cell(n.title)}${n.body ? ` — ${cell(n.body)}` : ''} (${cell(n.author)})`);
  lines.push('');

  const section = (title: string, kind: RetroItemKind) => {
    const list = items.filter((i) => i.kind === kind);
    lines.push(`## ${title}`, '');
    if (list.length === 0) lines.push('None yet.', '');
    for (const i of list) {
      const carried = i.week !== r.week ? ` (carried over from the week of ${i.week})` : '';
      lines.push(kind === 'ACTION'
        ? `- [${i.status === 'DONE' ? 'x' : ' '}] ${cell(i.text)} — owner ${cell(i.owner)}${i.dueDate ? `, due ${i.dueDate}` : ''}, ${i.status.toLowerCase()}${carried}`
        : `- ${cell(i.text)} (${cell(i.author)})`);
    }
    lines.push('');
  };
  section('Findings', 'FINDING');
  section('Root causes', 'ROOT_CAUSE');
  section('Action items', 'ACTION');
  return lines.join('\n');
}
