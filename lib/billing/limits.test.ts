import { describe, expect, it } from 'vitest';
import { effectiveLimits, fallingLimits } from './limits';

const row = (limits: ReturnType<typeof effectiveLimits>, key: string) => limits.find((l) => l.key === key);

describe('effective limits', () => {
  it('raises an edition\'s limit with its add-ons and says which', () => {
    const limits = effectiveLimits({ scheme: 'LEGACY', edition: 'PROFESSIONAL', addons: ['GROUP_MEMBER_CAP', 'AV_CHATROOM_UNLIMITED'] });
    expect(row(limits, 'membersPerGroup')).toMatchObject({ base: 200, effective: 2000, raisedBy: 'GROUP_MEMBER_CAP' });
    expect(row(limits, 'avChatRooms')).toMatchObject({ base: 50, effective: 'unlimited', raisedBy: 'AV_CHATROOM_UNLIMITED' });
    expect(row(limits, 'groupsPerUser')).toMatchObject({ base: 500, effective: 500 });
    expect(row(limits, 'groupsPerUser')?.raisedBy).toBeUndefined();
  });

  it('raises Flagship\'s split member limit to 6,000 for every group type', () => {
    const limits = effectiveLimits({ scheme: 'LEGACY', edition: 'FLAGSHIP', addons: [{ code: 'GROUP_MEMBER_CAP' }, { code: 'GROUP_JOIN_CAP' }] });
    expect(row(limits, 'membersPerGroup')?.effective).toBe(6000);
    expect(row(limits, 'groupsPerUser')?.effective).toBe(3000);
  });

  it('takes the retention tier as the history limit', () => {
    const limits = effectiveLimits({ scheme: 'LEGACY', edition: 'FLAGSHIP', addons: [{ code: 'HISTORY_RETENTION', days: 180 }] });
    expect(row(limits, 'freeHistoryDays')).toMatchObject({ base: 30, effective: 180, raisedBy: 'HISTORY_RETENTION' });
    const viaState = effectiveLimits({ scheme: 'LEGACY', edition: 'PROFESSIONAL', retention: { days: 90 } });
    expect(row(viaState, 'freeHistoryDays')?.effective).toBe(90);
  });

  it('never raises the friends limit', () => {
    for (const addons of [[], ['GROUP_MEMBER_CAP', 'GROUP_JOIN_CAP', 'SECURITY_STRIKE'] as const]) {
      expect(row(effectiveLimits({ scheme: 'LEGACY', edition: 'PROFESSIONAL', addons: [...addons] }), 'friendsPerUser')?.effective).toBe(3000);
    }
  });

  it('refuses an edition of another scheme', () => {
    expect(() => effectiveLimits({ scheme: 'CURRENT', edition: 'FLAGSHIP' })).toThrow(/not an edition of the CURRENT scheme/);
  });
});

describe('falling limits', () => {
  it('members per group 2,000 (Professional + GROUP_MEMBER_CAP) -> 200 (Standard)', () => {
    const before = effectiveLimits({ scheme: 'LEGACY', edition: 'PROFESSIONAL', addons: ['GROUP_MEMBER_CAP'] });
    const after = effectiveLimits({ scheme: 'CURRENT', edition: 'STANDARD' });
    expect(fallingLimits(before, after)).toEqual([
      {
        key: 'membersPerGroup',
        afterKey: 'membersPerGroup',
        labelEn: 'Members per group (private, public and chat room groups)',
        labelZh: '单个群成员数上限（私有群、公开群和聊天室）',
        before: 2000,
        after: 200,
        raisedBy: 'GROUP_MEMBER_CAP',
        explain: 'Members per group (private, public and chat room groups): 2,000 (with GROUP_MEMBER_CAP) -> 200',
      },
    ]);
  });

  it('compares AV chat rooms with live groups, and split values part by part', () => {
    const av = effectiveLimits({ scheme: 'LEGACY', edition: 'PROFESSIONAL', addons: ['AV_CHATROOM_UNLIMITED'] });
    expect(fallingLimits(av, effectiveLimits({ scheme: 'CURRENT', edition: 'STANDARD' })).map((f) => `${f.key}->${f.afterKey}`)).toEqual([
      'avChatRooms->liveGroups',
    ]);
    const flagship = effectiveLimits({ scheme: 'LEGACY', edition: 'FLAGSHIP' });
    expect(fallingLimits(flagship, effectiveLimits({ scheme: 'CURRENT', edition: 'PRO' }))).toEqual([]);
    expect(fallingLimits(flagship, effectiveLimits({ scheme: 'CURRENT', edition: 'STANDARD' })).map((f) => f.key)).toEqual([
      'groupsPerUser',
      'membersPerGroup',
      'avChatRooms',
      'freeHistoryDays',
    ]);
  });
});
