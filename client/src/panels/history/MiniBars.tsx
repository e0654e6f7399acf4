// A small bar chart from zero: moves per hour, a queue's length through the window. The
// tallest bar's value is written beside it, as the chart has no axis.
export function MiniBars({
  values,
  label,
  language,
}: {
  values: readonly number[];
  label: string;
  language: string;
}) {
  const max = Math.max(0, ...values);
  const height = (v: number) => (max === 0 ? 0 : (v / max) * 28);
  return (
    <div className="mini-bars">
      <svg
        viewBox={`0 0 ${Math.max(1, values.length)} 30`}
        preserveAspectRatio="none"
        aria-label={label}
      >
        {values.map((v, i) => (
          <rect key={i} x={i + 0.1} width={0.8} y={30 - height(v)} height={height(v)} />
        ))}
      </svg>
      <span className="mini-bars-max">{new Intl.NumberFormat(language).format(max)}</span>
    </div>
  );
}
