/** Access tokens: random, shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

/** What a token lets its holder do with its one workbook. */
export type Role = 'editor' | 'viewer';

/** Every role, for input checks. */
export const ROLES: readonly Role[] = ['editor', 'viewer'];

/** True when `s` names a role. */
export const isRole = (s: unknown): s is Role => s === 'editor' || s === 'viewer';

const PREFIX = 'owb_';

/** A new token: a prefix (so leaked tokens are recognisable) and 256 random bits. */
export const newToken = (): string => PREFIX + randomBytes(32).toString('base64url');

/** The stored form of a token. Tokens are random, so a fast hash is enough (nothing to brute-force). */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A token's public id (for listing and revoking without the token): the start of its hash. */
export const tokenId = (hash: string): string => hash.slice(0, 12);

/** Rejects obviously malformed input early (and bounds what gets hashed). */
export const looksLikeToken = (s: string): boolean => s.length > PREFIX.length && s.length <= 128 && s.startsWith(PREFIX);
