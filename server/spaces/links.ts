/** The links of a space the relay and the CLI hand out (read by the app's routes, src/ui/routes.ts). */

/** The start page of `space`, opened with a member's personal token. */
export const spaceLink = (base: string, space: string, token: string | null): string =>
  `${base}/#/s/${encodeURIComponent(space)}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;

/** The link that turns an invite into a member of `space`. */
export const inviteLink = (base: string, space: string, invite: string): string =>
  `${base}/#/join/${encodeURIComponent(space)}?invite=${encodeURIComponent(invite)}`;
