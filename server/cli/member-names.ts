/**
 * The history commands name a device whose client ids the relay bound to a member of a space
 * (server/spaces/member-owner.ts) by the member's name as the catalog has it, not by the name its
 * browser wrote into the document (kept as `claimed` when it differs).
 */
import type { Device, Moment } from '../../src/schema/moment-types.ts';
import type { Store } from '../store/contract.ts';
import { memberNames, memberOfOwner } from '../spaces/member-owner.ts';

/** A device or moment named by the relay: `claimed` is the name its changes carry, when another. */
type Named<T> = T & { claimed?: string };

/** The member's name for each client id of workbook `id` that a member's connection owns. */
export const relayNames = async (store: Store, id: string): Promise<Map<number, string>> => {
  const log = await store.openLog(id);
  try {
    const owners = await log.owners();
    const names = await memberNames(store, owners);
    const out = new Map<number, string>();
    for (const { clientId, owner } of owners) {
      const member = memberOfOwner(owner);
      const name = member === null ? undefined : names.get(member);
      if (name) out.set(clientId, name);
    }
    return out;
  } finally {
    await log.close();
  }
};

/** Devices and moments with members' names as the relay knows them. */
export const withMemberNames = (
  read: { moments: Moment[]; devices: Device[] },
  names: ReadonlyMap<number, string>,
): { moments: Named<Moment>[]; devices: Named<Device>[] } => {
  const byDevice = new Map<string, string>();
  for (const d of read.devices) {
    const name = d.clients.map((c) => names.get(c)).find((n) => n !== undefined);
    if (name !== undefined) byDevice.set(d.key, name);
  }
  const rename = <T extends { name: string }>(item: T, key: string): Named<T> => {
    const name = byDevice.get(key);
    if (name === undefined || name === item.name) return item;
    return { ...item, name, ...(item.name ? { claimed: item.name } : {}) };
  };
  return { moments: read.moments.map((m) => rename(m, m.device)), devices: read.devices.map((d) => rename(d, d.key)) };
};
