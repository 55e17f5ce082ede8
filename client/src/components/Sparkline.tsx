/**
 * The shape of a series in a KPI tile, drawn as inline SVG: tiles paint before the chart library
 * has loaded, and a few dozen points need no canvas. Gaps (no value) break the line.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    const x = (i * step).toFixed(1);
    // A flat series sits in the middle rather than on the floor.
    const y = (max === min ? height / 2 : height - ((v - min) / span) * height).toFixed(1);
    path += `${drawing ? 'L' : 'M'}${x} ${y}`;
    drawing = true;
  });
  return path;
}

export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const width = 120;
  const height = 32;
  const d = sparklinePath(values, width, height - 4);
  return (
    <svg className="sparkline" viewBox={`0 -2 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      {d ? <path d={d} vectorEffect="non-scaling-stroke" /> : null}
    </svg>
  );
}
