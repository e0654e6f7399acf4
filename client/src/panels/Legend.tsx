// What the colours mean, always; on the console also a switch per layer group. The
// choices are kept per screen (state/layer-settings.ts).
import { EQUIPMENT_STATES } from '../../../protocol/equipment.ts';
import { MESSAGES } from '../i18n.ts';
import { STATE_COLOURS } from '../map/deck-layers.ts';
import { useAppStore } from '../state/app-store.ts';
import { LAYER_GROUPS, type LayerGroup } from '../state/layer-settings.ts';

export function Legend({ toggles }: { toggles: boolean }) {
  const language = useAppStore((s) => s.language);
  const layers = useAppStore((s) => s.layers);
  const setLayer = useAppStore((s) => s.setLayer);
  const t = MESSAGES[language];
  return (
    <section className="legend" aria-label={t.legend} data-testid="legend">
      <ul className="states">
        {EQUIPMENT_STATES.map((state) => (
          <li key={state}>
            <span
              className="swatch"
              style={{ background: `rgb(${STATE_COLOURS[state].slice(0, 3).join(',')})` }}
            />
            {t[`state_${state}`]}
          </li>
        ))}
      </ul>
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
    </section>
  );
}
