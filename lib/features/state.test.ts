import { describe, expect, it } from 'vitest';
import { broadcastPushState, communityState, type ApplicationFacts } from './state';

const now = new Date('2026-11-23T12:00:00+08:00');
const approved = (decidedAt: string, id = 1): ApplicationFacts => ({
  id,
  status: 'APPROVED',
  requestedAt: '2026-11-01T10:00:00+08:00',
  decidedAt,
  enablesAt: new Date(new Date(decidedAt).getTime() + 48 * 3_600_000).toISOString(),
});

describe('broadcast push (DOMAIN C3)', () => {
  it('is on for Developer, never on Standard, not offered on legacy editions', () => {
    expect(broadcastPushState({ scheme: 'CURRENT', edition: 'DEVELOPER', editionSince: null, applications: [], now })).toEqual({ status: 'on', reason: 'developer' });
    expect(broadcastPushState({ scheme: 'CURRENT', edition: 'STANDARD', editionSince: '2026-01-01', applications: [approved('2026-11-02T10:00:00+08:00')], now })).toEqual({ status: 'off', reason: 'standard' });
    expect(broadcastPushState({ scheme: 'LEGACY', edition: 'FLAGSHIP', editionSince: '2026-01-01', applications: [], now })).toEqual({ status: 'off', reason: 'legacy' });
  });

  it('on Pro: available, pending, approved and switched on 48 hours after approval', () => {
    const base = { scheme: 'CURRENT' as const, edition: 'PRO' as const, editionSince: '2026-10-01', now };
    expect(broadcastPushState({ ...base, applications: [] })).toEqual({ status: 'available' });
    expect(broadcastPushState({ ...base, applications: [{ id: 3, status: 'PENDING', requestedAt: '2026-11-20T10:00:00+08:00', decidedAt: null, enablesAt: null }] })).toMatchObject({ status: 'pending', applicationId: 3 });
    expect(broadcastPushState({ ...base, applications: [approved('2026-11-22T12:00:00+08:00')] })).toMatchObject({ status: 'scheduled' });
    expect(broadcastPushState({ ...base, applications: [approved('2026-11-21T11:59:59+08:00')] })).toMatchObject({ status: 'on', reason: 'approved' });
    expect(broadcastPushState({ ...base, applications: [{ id: 4, status: 'REJECTED', requestedAt: '2026-11-20T10:00:00+08:00', decidedAt: '2026-11-21T10:00:00+08:00', enablesAt: null }] })).toEqual({ status: 'available' });
  });

  it('an approval from before the current Pro run does not count (the app left Pro in between)', () => {
    expect(broadcastPushState({ scheme: 'CURRENT', edition: 'PRO', editionSince: '2026-11-15', applications: [approved('2026-11-02T10:00:00+08:00')], now })).toEqual({ status: 'available' });
  });
});

describe('communities', () => {
  it('Developer and Pro only, never in GERMANY or KOREA', () => {
    expect(communityState('CURRENT', 'PRO', 'USA')).toEqual({ status: 'on' });
    expect(communityState('CURRENT', 'DEVELOPER', 'GERMANY')).toEqual({ status: 'off', reason: 'dataCenter' });
    expect(communityState('CURRENT', 'PRO', 'KOREA')).toEqual({ status: 'off', reason: 'dataCenter' });
    expect(communityState('CURRENT', 'STANDARD', 'USA')).toEqual({ status: 'off', reason: 'edition' });
  });
});
