import type { IndicatorDefinition } from './registry.ts';
import { unitIndicators } from './unit-indicators.ts';
import { activityIndicators } from '../activities/indicators.ts';
import { memberIndicators } from '../members/indicators.ts';

/**
 * Every indicator the programme can name. A module adds its list here with one import line:
 *   import { memberIndicators } from '../members/indicators.ts';
 * and spreads it into INDICATORS. A target naming a key not in this list shows "chưa có dữ liệu".
 */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...unitIndicators,
  ...activityIndicators,
  ...memberIndicators,
];

const byKey = new Map<string, IndicatorDefinition>();
for (const def of INDICATORS) {
  if (byKey.has(def.key)) throw new Error(`Indicator "${def.key}" is defined twice`);
  byKey.set(def.key, def);
}

export function indicatorByKey(key: string): IndicatorDefinition | undefined {
  return byKey.get(key);
}
