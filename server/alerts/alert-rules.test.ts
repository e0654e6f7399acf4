import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { DEFAULT_ALERT_RULES, loadAlertRules } from './alert-rules.ts';

const dir = tempDir('rules');
afterAll(() => dir.remove());
const file = (name: string, content: string) => {
  const path = `${dir.path}/${name}`;
  writeFileSync(path, content);
  return path;
};

describe('loadAlertRules', () => {
  it('gives the defaults without a file', () => {
    expect(loadAlertRules(undefined)).toEqual(DEFAULT_ALERT_RULES);
  });

  it('applies a port’s overrides and leaves the rest alone', () => {
    const rules = loadAlertRules(
      file(
        'ok.json',
        JSON.stringify({
          berth_occupancy_high: { raiseAbove: 0.7, clearBelow: 0.65 },
          feed_silent: { enabled: false },
        }),
      ),
    );
    expect(rules.berth_occupancy_high).toMatchObject({
      raiseAbove: 0.7,
      clearBelow: 0.65,
      raiseAfterMs: 900_000,
    });
    expect(rules.feed_silent.enabled).toBe(false);
    expect(rules.yard_block_fill_high).toEqual(DEFAULT_ALERT_RULES.yard_block_fill_high);
  });

  it('lists every problem of a bad file at once', () => {
    const path = file(
      'bad.json',
      JSON.stringify({
        no_such_rule: {},
        feed_silent: { raiseAbove: '60', unit: 'min' },
        yard_block_fill_high: { clearBelow: 0.95 },
      }),
    );
    expect(() => loadAlertRules(path)).toThrow(
      /unknown rule no_such_rule[\s\S]*feed_silent.raiseAbove must be a number[\s\S]*feed_silent.unit cannot be set[\s\S]*yard_block_fill_high: clearBelow must not be above raiseAbove/,
    );
  });

  it('says when the file is not JSON', () => {
    expect(() => loadAlertRules(file('broken.json', '{'))).toThrow(/cannot read it as JSON/);
  });
});
