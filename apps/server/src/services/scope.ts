import type { RequestActor } from '../policy/actor';
import { can, type Action } from '../policy/policy';

/** The jurisdictions whose rows this actor may see for `action`: the filter of every list. */
export function readableJurisdictionIds(actor: RequestActor, action: Action): number[] {
  return [...actor.scope].filter((id) => can(actor, action, { jurisdictionId: id }));
}

/** The audit fields every write records about who did it. */
export function auditActor(actor: RequestActor): { actorUserId: number | null } {
  return { actorUserId: actor.userId > 0 ? actor.userId : null };
}
