// A KPI's recent course as a line, gaps where there was no value. Scaled to its own range
// (a trend, not an axis): the tile's number says how much.
export function Sparkline({
  values,
  label,
}: {
  values: readonly (number | null)[];
  label: string;
}) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return <svg className="sparkline" aria-label={label} />;
  const min = Math.min(...present);
  const span = Math.max(...present) - min || 1;
  const x = (i: number) => (i / Math.max(1, values.length - 1)) * 100;
  const y = (v: number) => 28 - ((v - min) / span) * 26;
  // One path, restarted after each gap.
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) return void (pen = false);
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-label={label}>
      <path d={d} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
