/** Roles in a space, and what each may do with the space's workbooks. */

/** owner: manages members and the trash; editor: creates and edits workbooks; viewer: reads them. */
export type SpaceRole = 'owner' | 'editor' | 'viewer';

/** Every space role, weakest first. */
export const SPACE_ROLES: readonly SpaceRole[] = ['viewer', 'editor', 'owner'];

/** True when `s` names a space role. */
export const isSpaceRole = (s: unknown): s is SpaceRole => s === 'owner' || s === 'editor' || s === 'viewer';

/** True when `role` may do what `needed` may. */
export const atLeast = (role: SpaceRole, needed: SpaceRole): boolean => SPACE_ROLES.indexOf(role) >= SPACE_ROLES.indexOf(needed);
