import { randomBytes } from 'node:crypto';
import type { Queryable } from './queryable.js';

/** The rights a team member gets on every database of the server. */
export type MemberRight = 'read' | 'write';

export interface TeamUser {
  readonly name: string;
  readonly right: string;
}

/** BaseX's rule for user names, said in words when broken. */
const USER_NAME = /^[\p{L}\p{N}_.-]+$/u;

/** A password for a new account: 18 random bytes, URL-safe, so it can be read out and typed. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Creates a BaseX account with read or write rights on every database, so an admin sets up a
 * team without knowing BaseX's commands. Name and password reach BaseX as bound variables.
 * Refused when the account exists (an admin changes its rights or password in BaseX itself).
 */
export async function addTeamUser(session: Queryable, name: string, right: MemberRight, password: string): Promise<void> {
  if (!USER_NAME.test(name)) throw new Error(`"${name}" cannot be a user name: use letters, digits, "_", "-" and "." only`);
  if (!password) throw new Error('the password is empty');
  const [outcome] = await session.query(
    `declare variable $name as xs:string external; declare variable $password as xs:string external;
     declare variable $right as xs:string external;
     if (user:exists($name)) then update:output('exists')
     else (user:create($name, $password, $right), update:output('created'))`,
    { name, password, right },
  );
  if (outcome === 'exists') throw new Error(`user "${name}" already exists on this server: choose another name`);
}

/** The server's accounts and their global rights. */
export async function teamUsers(session: Queryable): Promise<TeamUser[]> {
  const lines = await session.query(`for $u in user:list-details() return $u/@name || '&#9;' || $u/@permission`, {}, { idempotent: true });
  return lines.map((line) => {
    const [name, right] = line.split('\t');
    return { name, right };
  });
}
