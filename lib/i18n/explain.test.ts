import { describe, expect, it } from 'vitest';
import type { Explanation } from '../billing/types';
import { renderExplanation } from './explain';

const both = (e: Explanation) => [renderExplanation(e, 'en'), renderExplanation(e, 'zh')];

describe('renderExplanation', () => {
  it('renders the worked examples with the same figures in English (the contract) and Chinese', () => {
    expect(
      both({
        key: 'package.credit',
        params: { edition: 'PROFESSIONAL', from: '2026-10-15', to: '2026-11-14', cutOn: '2026-11-05', reason: { kind: 'upgrade' }, price: '999', days: 10, ofDays: 31 },
      }),
    ).toEqual([
      'Professional cycle 2026-10-15..2026-11-14 cut on 2026-11-05 by upgrade to Flagship: -999 x 10/31 days',
      '专业版周期 2026-10-15..2026-11-14 于 2026-11-05 因升级至旗舰版截止：-999 × 10/31 天',
    ]);
    expect(
      both({
        key: 'overage',
        params: { measure: 'DAU', peak: 25310, peakOn: '2026-10-20', paidFrom: '2026-10-15', paidTo: '2026-10-31', over: 15310, free: 10000, units: 2, unit: 10000, price: '1000' },
      }),
    ).toEqual([
      'Peak DAU 25,310 on 2026-10-20 (paid days 2026-10-15..2026-10-31); 15,310 over 10,000 free -> 2 units of 10,000 x 1,000',
      '峰值 DAU 25,310（2026-10-20），付费日 2026-10-15..2026-10-31；超出免费额度 10,000 共 15,310 → 2 个计费单位（每单位 10,000）× 1,000',
    ]);
    expect(
      both({
        key: 'mau',
        params: { mau: 13000, month: '2026-11', reportedOn: '2026-11-30', over: 3000, free: 10000, price: '0.015', edition: 'STANDARD', lastDay: '2026-11-30' },
      }),
    ).toEqual([
      'MAU 13,000 (highest reported in 2026-11, on 2026-11-30); 3,000 over 10,000 free x 0.015; Standard on 2026-11-30',
      'MAU 13,000（2026-11 上报的最高值，2026-11-30）；超出免费额度 10,000 共 3,000 × 0.015；2026-11-30 为标准版',
    ]);
    expect(
      both({
        key: 'addon.cycle',
        params: { addon: 'AV_CHATROOM_UNLIMITED', edition: 'PROFESSIONAL', from: '2026-10-15', to: '2026-11-14', anchor: '2022-01-15', stopRequestedOn: '2026-10-20', price: '1000' },
      }),
    ).toEqual([
      'Unlimited audio/video chat rooms on Professional (Unlimited rooms), cycle 2026-10-15..2026-11-14 (anchor 2022-01-15), last cycle (stop requested on 2026-10-20), prepaid in full: 1 x 1,000',
      '扩展音视频聊天室创建数量上限 · 专业版（无限制），周期 2026-10-15..2026-11-14（锚定日 2022-01-15），最后一个周期（2026-10-20 申请停用），整期预付：1 × 1,000',
    ]);
    expect(both({ key: 'current.package', params: { edition: 'PRO', from: '2026-11-01', to: '2026-11-30', price: '699', days: 30, ofDays: 30 } })).toEqual([
      'Pro 2026-11-01..2026-11-30: 699 x 30/30 days',
      '进阶版 2026-11-01..2026-11-30：699 × 30/30 天',
    ]);
  });

  it('shows a line stored before explanations were data as it was written, in every language', () => {
    expect(both({ key: 'text', params: { text: 'hand-made' } })).toEqual(['hand-made', 'hand-made']);
  });
});
