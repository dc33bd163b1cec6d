import { describe, expect, it } from 'vitest';
import { explainFor, explainZh } from './explain-zh';

describe('explanations in Chinese', () => {
  it('renders the worked examples with the same figures', () => {
    expect(explainZh('Professional cycle 2026-10-15..2026-11-14 cut on 2026-11-05 by upgrade to Flagship: -999 x 10/31 days')).toBe(
      '专业版周期 2026-10-15..2026-11-14 于 2026-11-05 因升级至旗舰版截止：-999 × 10/31 天',
    );
    expect(explainZh('Peak DAU 25,310 on 2026-10-20 (paid days 2026-10-15..2026-10-31); 15,310 over 10,000 free -> 2 units of 10,000 x 1,000')).toBe(
      '峰值 DAU 25,310（2026-10-20），付费日 2026-10-15..2026-10-31；超出免费额度 10,000 共 15,310 → 2 个计费单位（每单位 10,000）× 1,000',
    );
    expect(explainZh('MAU 13,000 (highest reported in 2026-11, on 2026-11-30); 3,000 over 10,000 free x 0.015; Standard on 2026-11-30')).toBe(
      'MAU 13,000（2026-11 上报的最高值，2026-11-30）；超出免费额度 10,000 共 3,000 × 0.015；2026-11-30 为标准版',
    );
    expect(
      explainZh('Unlimited audio/video chat rooms on Professional (Unlimited rooms), cycle 2026-10-15..2026-11-14 (anchor 2022-01-15), last cycle (stop requested on 2026-10-20), prepaid in full: 1 x 1,000'),
    ).toBe('扩展音视频聊天室创建数量上限 · 专业版（无限制），周期 2026-10-15..2026-11-14（锚定日 2022-01-15），最后一个周期（2026-10-20 申请停用），整期预付：1 × 1,000');
  });

  it('leaves a text it cannot read whole in English, never half translated', () => {
    // An unknown edition inside a known template, and an unknown template.
    expect(explainZh('Platinum cycle 2026-10-15..2026-11-14 (anchor 2026-10-15), prepaid in full: 1 x 999')).toBeNull();
    expect(explainZh('Professional cycle 2026-10-15..2026-11-14 cut on 2026-11-05 by a rule from the future: -999 x 10/31 days')).toBeNull();
    expect(explainFor('Something new the engine says', 'zh')).toBe('Something new the engine says');
    expect(explainFor('Pro 2026-11-01..2026-11-30: 699 x 30/30 days', 'en')).toBe('Pro 2026-11-01..2026-11-30: 699 x 30/30 days');
    expect(explainFor('Pro 2026-11-01..2026-11-30: 699 x 30/30 days', 'zh')).toBe('进阶版 2026-11-01..2026-11-30：699 × 30/30 天');
  });
});
