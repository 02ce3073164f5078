import { describe, expect, it } from 'vitest';
import type { RequestActor, Role } from '../../src/policy/actor';
import { can, requireAccess, rules, type Action } from '../../src/policy/policy';

// Province 1 → city 2; province 3. Units: 10, 11 in province 1.
function actor(role: Role, jurisdictionId = 1, unitId: number | null = null): RequestActor {
  const scope = jurisdictionId === 1 ? [1, 2] : [jurisdictionId];
  return { userId: 1, username: 'u', role, jurisdictionId, unitId, scope: new Set(scope) };
}

describe('policy: role × jurisdiction × unit', () => {
  it('refuses everything without an actor', () => {
    for (const action of Object.keys(rules) as Action[]) expect(can(null, action)).toBe(false);
    expect(() => requireAccess(null, 'plan.read')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('lets admins reach their jurisdiction and everything below it, nothing beside it', () => {
    const admin = actor('admin');
    expect(can(admin, 'user.write', { jurisdictionId: 1 })).toBe(true);
    expect(can(admin, 'user.write', { jurisdictionId: 2 })).toBe(true);
    expect(can(admin, 'user.write', { jurisdictionId: 3 })).toBe(false);
  });

  it('lets office staff write only their own jurisdiction but read below it', () => {
    const office = actor('office');
    expect(can(office, 'plan.write', { jurisdictionId: 1 })).toBe(true);
    expect(can(office, 'plan.write', { jurisdictionId: 2 })).toBe(false);
    expect(can(office, 'plan.read', { jurisdictionId: 2 })).toBe(true);
    expect(can(office, 'plan.read', { jurisdictionId: 3 })).toBe(false);
    expect(can(office, 'user.write', { jurisdictionId: 1 })).toBe(false);
  });

  it('keeps leaders and deputies to reading', () => {
    for (const role of ['leader', 'deputy'] as const) {
      const a = actor(role);
      expect(can(a, 'plan.read', { jurisdictionId: 2 })).toBe(true);
      for (const action of [
        'plan.write',
        'plan.import',
        'unit.write',
        'user.write',
        'jurisdiction.write',
      ] as const)
        expect(can(a, action, { jurisdictionId: 1 })).toBe(false);
    }
  });

  it('keeps reporters to their jurisdiction and, for reports, their unit', () => {
    const reporter = actor('reporter', 1, 10);
    expect(can(reporter, 'plan.read', { jurisdictionId: 1 })).toBe(true);
    expect(can(reporter, 'plan.read', { jurisdictionId: 2 })).toBe(false);
    expect(can(reporter, 'report.write', { jurisdictionId: 1, unitId: 10 })).toBe(true);
    expect(can(reporter, 'report.write', { jurisdictionId: 1, unitId: 11 })).toBe(false);
    expect(can(reporter, 'report.read', { jurisdictionId: 3, unitId: 10 })).toBe(false);
    expect(can(actor('reporter', 1, null), 'report.write', { jurisdictionId: 1, unitId: 10 })).toBe(false);
    for (const action of ['plan.write', 'user.read', 'audit.read', 'jurisdiction.write'] as const)
      expect(can(reporter, action)).toBe(false);
    expect(() => requireAccess(reporter, 'user.write')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
