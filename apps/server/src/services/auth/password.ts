/**
 * Password hashing: argon2id (the library's default algorithm) with OWASP's minimum cost
 * (19 MiB, 2 passes, ~70 ms here), stored as a PHC string ("$argon2id$v=19$m=19456,t=2,p=1$…").
 */
import { hash, verify } from '@node-rs/argon2';
import { isStrongPassword } from '@minsheng/contract';

const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a hash that is not a PHC string (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user name is unknown, so both paths cost the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-0000');
  return decoyHash;
}

export { isStrongPassword };
