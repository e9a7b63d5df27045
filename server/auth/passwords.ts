// Password hashing with argon2id (@node-rs/argon2 defaults: m = 19 MiB, t = 2, p = 1, the OWASP
// minimum) and the one generator of passwords the system hands out.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { generatedPassword } from '../../domain/auth/passwords.ts';

const ARGON2ID = 2; // @node-rs/argon2 Algorithm.Argon2id (a const enum, not importable under isolatedModules)

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

/** A hash of a random string, verified against when the username is unknown so that a missing
 * account takes as long to reject as a wrong password. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (phc === null) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(phc, password).catch(() => false);
}

export const newPassword = (): string => generatedPassword(randomBytes(20));
