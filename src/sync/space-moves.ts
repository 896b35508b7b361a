/**
 * Workbooks that go from this browser into a space: one made here moves in with its whole state
 * (its history too) under its own id, so this browser's copy and the relay's are one workbook from
 * then on; one made offline on a space's page waits here, marked, until the relay can be reached.
 */
import { localState, storeNewWorkbook } from './local-workbooks.ts';
import { keepToken, readList, remember } from './registry.ts';
import { SpaceError, type SpaceClient, type SpaceRole, type SpaceWorkbook } from './space-client.ts';

const PENDING_KEY = 'wb-space-pending:';

/** What this person may do with the space's workbooks. */
const accessOf = (role: SpaceRole): 'editor' | 'viewer' => (role === 'viewer' ? 'viewer' : 'editor');

/** Lets this browser open a workbook of `space` with the member's token. */
export const rememberSpaceWorkbook = (space: string, w: Pick<SpaceWorkbook, 'id' | 'name'>, token: string, role: SpaceRole): void => {
  keepToken(w.id, token);
  remember({ id: w.id, name: w.name, access: accessOf(role), space });
};

/** Moves a workbook kept only in this browser into `space`, history included. */
export const moveIntoSpace = async (space: string, client: SpaceClient, id: string, token: string, role: SpaceRole): Promise<SpaceWorkbook> => {
  const state = await localState(id);
  if (!state) throw new SpaceError('This workbook has no copy in this browser any more.', 404);
  const made = await client.moveIn(id, state);
  rememberSpaceWorkbook(space, made, token, role);
  forgetPending(id);
  return made;
};

/** The ids of the workbooks made offline for `space`, still to be sent to it. */
export const pendingFor = (space: string): string[] => {
  try {
    return readList()
      .map((w) => w.id)
      .filter((id) => localStorage.getItem(PENDING_KEY + id) === space);
  } catch {
    return [];
  }
};

const forgetPending = (id: string): void => {
  try {
    localStorage.removeItem(PENDING_KEY + id);
  } catch {
    // nothing kept
  }
};

/** Makes a workbook in this browser (with an id made here) to be created in `space` once the relay answers. */
export const createOffline = async (space: string, update: Uint8Array, name: string): Promise<string> => {
  const id = await storeNewWorkbook(update, name);
  try {
    localStorage.setItem(PENDING_KEY + id, space);
  } catch {
    // Private mode: it stays a local workbook, which can be moved in by hand.
  }
  return id;
};

/**
 * Sends the workbooks made offline for the space. The relay creates each one once under its id,
 * so a send that was cut off is simply sent again. Returns how many arrived.
 */
export const sendPending = async (space: string, client: SpaceClient, token: string, role: SpaceRole): Promise<number> => {
  let sent = 0;
  for (const id of pendingFor(space)) {
    try {
      await moveIntoSpace(space, client, id, token, role);
      sent++;
    } catch (err) {
      if (err instanceof SpaceError && err.offline) break;
      // Refused (a full space, say): it stays in this browser, where it can be moved in by hand.
      forgetPending(id);
    }
  }
  return sent;
};
