import type { User } from '@minsheng/contract';
import type { UserRow } from '../repositories/user.repository';
import { editable, iso } from './common';

/** An account as the API shows it: never the password hash or the failed-login counter. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    jurisdictionId: row.jurisdictionId,
    unitId: row.unitId,
    lockedUntil: iso(row.lockedUntil),
    ...editable(row),
  };
}
