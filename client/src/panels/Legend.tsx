// What the colours mean, always; on the console also a switch per layer group. The
// choices are kept per screen (state/layer-settings.ts).
import { EQUIPMENT_STATES } from '../../../protocol/equipment.ts';
import { MESSAGES } from '../i18n.ts';
import { BERTH_STATUSES } from '../../../protocol/operations.ts';
import { STATE_COLOURS, type Rgba } from '../map/deck-layers.ts';
import { BERTH_STATUS_COLOURS, YARD_FILL_STOPS } from '../map/operations-layers.ts';
import { BASE_COLOURS } from '../map/port-style.ts';
import { useAppStore } from '../state/app-store.ts';
import { LAYER_GROUPS, type LayerGroup } from '../state/layer-settings.ts';

const css = (colour: Rgba) => `rgb(${colour.slice(0, 3).join(',')})`;
const FILL_GRADIENT = `linear-gradient(to right, ${YARD_FILL_STOPS.map(
  ([at, colour]) => `${css(colour)} ${at * 100}%`,
).join(', ')})`;

export function Legend({ toggles }: { toggles: boolean }) {
  const language = useAppStore((s) => s.language);
  const layers = useAppStore((s) => s.layers);
  const setLayer = useAppStore((s) => s.setLayer);
  const t = MESSAGES[language];
  return (
    // Folds away on a laptop, where it would cover part of the quay.
    <details className="legend" aria-label={t.legend} data-testid="legend" open>
      <summary>{t.legend}</summary>
      <div className="legend-body">
        <ul className="states">
          {EQUIPMENT_STATES.map((state) => (
            <li key={state}>
              <span className="swatch" style={{ background: css(STATE_COLOURS[state]) }} />
              {t[`state_${state}`]}
            </li>
          ))}
        </ul>
        <ul className="states" aria-label={t.berthStatus}>
          <li className="legend-heading">{t.berthStatus}</li>
          {BERTH_STATUSES.map((status) => (
            <li key={status}>
              <span
                className="swatch berth-swatch"
                style={{
                  // A free berth is drawn as the base map draws it.
                  background:
                    status === 'free' ? BASE_COLOURS.berth : css(BERTH_STATUS_COLOURS[status]),
                  borderColor: BASE_COLOURS.berthOutline,
                }}
              />
              {t[`berth_${status}`]}
            </li>
          ))}
        </ul>
        <div className="fill-scale">
          <span>{t.yardFill}</span>
          <span className="gradient" style={{ background: FILL_GRADIENT }} />
          <span className="ends">
            <span>0%</span>
            <span>100%</span>
          </span>
        </div>
        {toggles && (
          <ul className="layers">
            {(Object.keys(LAYER_GROUPS) as LayerGroup[]).map((group) => (
              <li key={group}>
                <label>
                  <input
                    type="checkbox"
                    checked={layers[group]}
                    data-layer={group}
                    onChange={(e) => setLayer(group, e.target.checked)}
                  />
                  {t[`layer_${group}`]}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
