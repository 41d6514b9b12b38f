import { describe, expect, it } from 'vitest';
import { judge, lightOf, periodRange, worstLight } from './engine.ts';

describe('target judgement', () => {
  it('sums the sectors each threshold covers: 100% of state and ≥75% of non-state and FDI together', () => {
    const rows = [
      { unitId: null, sector: 'state', numerator: 3, denominator: 4 },
      { unitId: null, sector: 'non_state', numerator: 6, denominator: 8 },
      { unitId: null, sector: 'fdi', numerator: 3, denominator: 4 },
    ];
    const [state, other] = judge({ kind: 'ratio', bySector: true }, 'gte',
      [{ sectors: ['state'], value: 100 }, { sectors: ['non_state', 'fdi'], value: 75 }], rows);
    expect(state).toMatchObject({ numerator: 3, denominator: 4, value: 75, gap: -25, light: 'red' });
    expect(other).toMatchObject({ numerator: 9, denominator: 12, value: 75, gap: 0, light: 'green' });
  });

  it('a unit with no denominator is "not applicable", never 0% and never a division error', () => {
    const [g] = judge({ kind: 'ratio' }, 'gte', [{ sectors: null, value: 70 }], []);
    expect(g).toMatchObject({ value: null, status: 'na', light: 'grey' });
    const [z] = judge({ kind: 'ratio' }, 'gte', [{ sectors: null, value: 70 }], [{ unitId: null, sector: null, numerator: 0, denominator: 0 }]);
    expect(z.value).toBeNull();
  });

  it('a count target without a threshold for the unit has a value but no light', () => {
    const [g] = judge({ kind: 'count' }, 'gte', [{ sectors: null, value: null }], [{ unitId: null, sector: null, numerator: 12, denominator: null }]);
    expect(g).toMatchObject({ value: 12, threshold: null, light: 'grey', status: 'no_threshold' });
  });

  it('lights: met is green, within a fifth is yellow, further is red, for ≥ and ≤', () => {
    expect(lightOf('gte', 500, 500)).toBe('green');
    expect(lightOf('gte', 420, 500)).toBe('yellow');
    expect(lightOf('gte', 300, 500)).toBe('red');
    expect(lightOf('lte', 5, 10)).toBe('green');
    expect(lightOf('lte', 11, 10)).toBe('yellow');
    expect(lightOf('eq', 99, 100)).toBe('red');
    expect(worstLight(['green', 'grey', 'yellow'])).toBe('yellow');
    expect(worstLight(['grey'])).toBe('grey');
  });

  it('the first half runs from 1 January to 30 June', () => {
    expect(periodRange({ year: 2025, half: 1 })).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(periodRange({ year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
