/**
 * The relay closes an editor's connection with CLOSE_SPACE_FULL when the workbook's space is at its
 * byte quota (server/spaces/space-usage.ts); its reason says how full, in MB, which the app shows
 * in the person's language. The edits stay in this browser and are sent once there is room.
 */

/** The close code of a space at its byte quota (server/relay/protocol.ts CLOSE.spaceFull). */
export const CLOSE_SPACE_FULL = 4414;

/** The MB used and allowed named in the relay's reason ("… (12.3 of 10.0 MB) …"), or null. */
export const spaceFullNumbers = (reason: string): { used: string; limit: string } | null => {
  const m = /\((\d+(?:\.\d+)?) of (\d+(?:\.\d+)?) MB\)/.exec(reason);
  return m?.[1] && m[2] ? { used: m[1], limit: m[2] } : null;
};
