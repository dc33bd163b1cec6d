import { createHash, randomBytes } from 'node:crypto';

/** Secrets look like `imk_<43 base64url characters>` (256 random bits). */
export const SECRET_PREFIX = 'imk_';
/** The characters shown in the console to tell keys apart (`imk_` + 8). */
export const DISPLAY_PREFIX_LENGTH = 12;

export function generateSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const secret = match?.[1];
  return secret && secret.startsWith(SECRET_PREFIX) && secret.length <= 200 ? secret : null;
}
