// The port's key figures as tiles: value in the reader's units and language, its recent
// course, and the definition (numerator, denominator, exclusions) on hover, so nobody has
// to guess what a number means.
import { KPI_DEFINITIONS, type KpiDefinition } from '../../../protocol/kpi.ts';
import { formatDateTime, formatKpi } from '../format.ts';
import { fillIn, MESSAGES } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { seriesKey } from '../state/kpi-series.ts';
import { Sparkline } from './Sparkline.tsx';

/** What the board shows, in reading order: quay, waterside, landside, yard, customs. */
export const BOARD_KPIS = [
  'crane.gross_rate',
  'berth.occupancy',
  'anchorage.waiting_vessels',
  'call.port_hours',
  'gate.turn_time_median',
  'gate.throughput',
  'yard.utilisation',
  'equipment.availability',
  'customs.clearance_time',
  'inspection.queue',
] as const;
export type BoardKpi = (typeof BOARD_KPIS)[number];

const DEFINITIONS = new Map<string, KpiDefinition>(KPI_DEFINITIONS.map((d) => [d.id, d]));

/** One key figure: its name, value and unit, and its recent course; its window on hover. */
export function KpiTile({ id, timeZone }: { id: BoardKpi; timeZone: string }) {
  const language = useAppStore((s) => s.language);
  const kpi = useAppStore((s) => s.kpis.find((k) => k.id === id && k.scope === 'port'));
  const series = useAppStore((s) => s.kpiSeries[seriesKey(id, 'port')]);
  const t = MESSAGES[language];
  const definition = DEFINITIONS.get(id)!;
  const shown = formatKpi(kpi?.value ?? null, definition.unit, language);
  const name = definition.name[language];
  const window = kpi
    ? fillIn(t.kpiWindow, {
        from: formatDateTime(Date.parse(kpi.from), timeZone, language),
        to: formatDateTime(Date.parse(kpi.to), timeZone, language),
      })
    : t.noData;
  return (
    <div
      className="kpi-tile"
      data-kpi={id}
      data-value={kpi?.value ?? ''}
      title={`${name}: ${definition.definition[language]} (${window})`}
    >
      <div className="kpi-name">{name}</div>
      <div className="kpi-value">
        {shown.value}
        <span className="kpi-unit">{shown.unit}</span>
      </div>
      <Sparkline values={series ?? []} label={name} />
    </div>
  );
}

export function KpiTiles({ timeZone }: { timeZone: string }) {
  const t = MESSAGES[useAppStore((s) => s.language)];
  return (
    <section className="kpi-tiles" aria-label={t.kpiBoard} data-testid="kpi-tiles">
      {BOARD_KPIS.map((id) => (
        <KpiTile key={id} id={id} timeZone={timeZone} />
      ))}
    </section>
  );
}
