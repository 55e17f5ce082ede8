import type { PointFieldsFragment as Point, Unit } from '../generated/graphql';
import { formatCount, formatInterval, formatMetricValue } from '../format';


export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * "<b>85.1%</b> 4,133 / 4,830 · 84.6–86.5%": the value, then what a rate is made of and its
 * 95 % interval, so no rate is ever read without its denominator. Counts have no parts.
 */
export function figureHtml(point: Point | undefined, unit: Unit): string {
  if (!point) return '<b>–</b>';
  const value = `<b>${formatMetricValue(point.value, unit)}</b>`;
  const parts: string[] = [];
  if (point.numerator !== null && point.denominator !== null) {
    parts.push(`${formatCount(point.numerator)} / ${formatCount(point.denominator)}`);
  } else if (point.denominator !== null && unit !== 'COUNT') {
    // Percentiles and agreement carry how many items they rest on.
    parts.push(`n = ${formatCount(point.denominator)}`);
  }
  const interval = formatInterval(point.low, point.high, unit);
  if (interval) parts.push(interval);
  const low = point.lowSample ? '<span class="tt-low">low sample</span>' : '';
  return `${value}${parts.length ? `<span class="tt-parts">${parts.join(' · ')}</span>` : ''}${low}`;
}

export function rowHtml(marker: string, name: string, figure: string): string {
  return `<div class="tt-row">${marker}<span class="tt-name">${escapeHtml(name)}</span>${figure}</div>`;
}
