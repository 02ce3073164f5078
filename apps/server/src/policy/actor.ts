/** Who is asking: built once per request by the auth plugin from the session. */
export type Role = 'admin' | 'office' | 'leader' | 'reporter' | 'deputy';

export interface RequestActor {
  userId: number;
  username: string;
  role: Role;
  /** The jurisdiction the account belongs to. */
  jurisdictionId: number;
  /** Reporters only: the unit they report for. */
  unitId: number | null;
  /** The account's jurisdiction and every jurisdiction below it (read scope). */
  scope: ReadonlySet<number>;
}
