/**
 * The one policy module: may this actor do this to these records? Every service method starts
 * with requireAccess(actor, action, target). Role × jurisdiction × unit.
 */
import { AppError } from '../errors/app-error';
import type { RequestActor, Role } from './actor';

export type Action =
  | 'jurisdiction.read'
  | 'jurisdiction.write'
  | 'unit.read'
  | 'unit.write'
  | 'user.read'
  | 'user.write'
  | 'plan.read'
  | 'plan.write'
  | 'plan.import'
  | 'audit.read'
  | 'report.read'
  | 'report.write'
  | 'period.write'
  | 'report.review'
  | 'notification.read'
  | 'outbox.read';

/** The records an action touches: their jurisdiction and, where it matters, their unit. */
export interface Target {
  jurisdictionId?: number | null;
  unitId?: number | null;
}

/**
 * How far a role reaches for an action: `scope` = its jurisdiction and every one below it,
 * `own` = its jurisdiction only, `unit` = its own unit's records only (reporters).
 */
export type Reach = 'own' | 'scope' | 'unit';

/** Which roles may do what, and how far. A role missing from an action may not do it at all. */
export const rules: Record<Action, Partial<Record<Role, Reach>>> = {
  'jurisdiction.read': { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'own', deputy: 'scope' },
  'jurisdiction.write': { admin: 'scope' },
  'unit.read': { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'own', deputy: 'scope' },
  'unit.write': { admin: 'scope', office: 'own' },
  'user.read': { admin: 'scope', office: 'own' },
  'user.write': { admin: 'scope' },
  'plan.read': { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'own', deputy: 'scope' },
  'plan.write': { admin: 'scope', office: 'own' },
  'plan.import': { admin: 'scope', office: 'own' },
  'audit.read': { admin: 'scope', office: 'own' },
  'report.read': { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'unit' },
  'report.write': { office: 'own', reporter: 'unit' },
  'period.write': { admin: 'scope', office: 'own' },
  'report.review': { office: 'own' },
  'notification.read': {
    admin: 'scope',
    office: 'scope',
    leader: 'scope',
    reporter: 'scope',
    deputy: 'scope',
  },
  'outbox.read': { admin: 'scope' },
};

export function can(actor: RequestActor | null | undefined, action: Action, target: Target = {}): boolean {
  if (!actor) return false;
  const reach = rules[action][actor.role];
  if (!reach) return false;
  const j = target.jurisdictionId;
  if (j != null) {
    if ((reach === 'own' || reach === 'unit') && j !== actor.jurisdictionId) return false;
    if (reach === 'scope' && !actor.scope.has(j)) return false;
  }
  if (reach === 'unit') {
    if (actor.unitId == null) return false;
    if (target.unitId != null && target.unitId !== actor.unitId) return false;
  }
  return true;
}

/** Throws UNAUTHENTICATED without an actor, FORBIDDEN when the policy says no. */
export function requireAccess(
  actor: RequestActor | null | undefined,
  action: Action,
  target: Target = {},
): asserts actor is RequestActor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN');
}
