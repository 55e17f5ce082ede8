// Figures in text (Markdown export): counts with thousands separators, ratios as percentages,
// durations in h/m/s.
export function formatValue(v: number | null, unit: string): string {
  if (v === null || Number.isNaN(v)) return '–';
  switch (unit) {
    case 'RATIO':
      return `${(v * 100).toFixed(1)} %`;
    case 'SECONDS': {
      const s = Math.abs(v);
      const sign = v < 0 ? '−' : '';
      if (s < 60) return `${sign}${s.toFixed(0)} s`;
      if (s < 3600) return `${sign}${Math.floor(s / 60)} m ${Math.round(s % 60)} s`;
      return `${sign}${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} m`;
    }
    case 'PER_HOUR':
      return `${v.toFixed(1)}/h`;
    case 'COEFFICIENT':
      return v.toFixed(3);
    default:
      return Math.round(v).toLocaleString('en-US');
  }
}
