import { describe, expect, it } from 'vitest';
import { summarizeChange } from './format';

describe('summarizeChange', () => {
  it('lists only the fields that differ', () => {
    const before = { version: 1, prices: { 'PACKAGE.PROFESSIONAL': '999', DAU_OVERAGE: '1000' } };
    const after = { version: 2, prices: { 'PACKAGE.PROFESSIONAL': '1099', DAU_OVERAGE: '1000' }, source: 'notice' };
    expect(summarizeChange(before, after)).toEqual([
      { path: 'version', before: '1', after: '2' },
      { path: 'prices.PACKAGE.PROFESSIONAL', before: '999', after: '1099' },
      { path: 'source', before: null, after: 'notice' },
    ]);
  });

  it('compares arrays and an object against null whole', () => {
    expect(summarizeChange({ pending: null, addons: ['A'] }, { pending: { on: '2026-12-05' }, addons: ['A', 'B'] })).toEqual([
      { path: 'pending', before: 'null', after: '{"on":"2026-12-05"}' },
      { path: 'addons', before: '["A"]', after: '["A","B"]' },
    ]);
    expect(summarizeChange({ a: [1] }, { a: [1] })).toEqual([]);
  });

  it('reads a creation (no before) as every field added', () => {
    expect(summarizeChange(null, { status: 'PENDING' })).toEqual([{ path: 'status', before: null, after: 'PENDING' }]);
  });
});
