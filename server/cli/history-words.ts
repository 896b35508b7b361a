/**
 * What the history commands (`history`, `restore --to`, `revert`) print, in English: moments and
 * devices, what a restore or a revert changes, and the times they take (src/app/moment-text.ts).
 */
import { userInfo } from 'node:os';
import type { ContentDiff } from '../../src/app/content-diff.ts';
import { MomentTextError, momentText, parseMoment } from '../../src/app/moment-text.ts';
import type { RevertDone, SkipPlace } from '../../src/app/undo-vandal.ts';
import type { ChangeCounts, Device, Moment } from '../../src/schema/moment-types.ts';
import type { WorkbookUser } from '../../src/schema/history-types.ts';
import { CliError } from './args.ts';

const n = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The time a --to or --since flag names; a CliError saying how to write it otherwise. */
export const timeFlag = (text: string, flagName: string): number => {
  try {
    return parseMoment(text);
  } catch (err) {
    if (err instanceof MomentTextError) throw new CliError(`--${flagName}: ${err.message}`);
    throw err;
  }
};

/** Who the history shows as having made a change from the command line. */
export const cliUser = (by: string | undefined): WorkbookUser => {
  const name = by?.trim() || `${userInfo().username} (command line)`;
  return { id: `cli:${name}`, name };
};

/** A device's name as printed ("(no name)" for a program that gave none; a member's name as the relay knows it, with the one its browser claimed). */
export const deviceName = (d: { name: string; claimed?: string }): string => (d.name || '(no name)') + (d.claimed ? ` (its browser said "${d.claimed}")` : '');

/** What a burst or a device did, in words. */
export const countsText = (c: ChangeCounts): string => {
  const parts = [
    c.cells ? n(c.cells, 'cell') : '',
    c.rowsAdded ? `${n(c.rowsAdded, 'row')} added` : '',
    c.rowsDeleted ? `${n(c.rowsDeleted, 'row')} deleted` : '',
  ].filter(Boolean);
  const changes = c.changes ? n(c.changes, 'change') : '';
  if (parts.length === 0) return changes || 'no change to cells or rows';
  return changes ? `${parts.join(', ')} (${changes})` : parts.join(', ');
};

/** One line per moment, newest first. */
export const momentLines = (moments: readonly Moment[]): string[] =>
  moments.map((m) => `  ${momentText(m.time)}  ${deviceName(m).padEnd(20)}  ${countsText(m.counts)}${m.kinds.length ? `  [${m.kinds.join(', ')}]` : ''}`);

/** One line per device. */
export const deviceLines = (devices: readonly Device[]): string[] =>
  devices.map((d) => {
    const when = d.first === null || d.last === null ? 'no times (not written by the app)' : `${momentText(d.first)} … ${momentText(d.last)}`;
    return `  ${deviceName(d).padEnd(20)}  client${d.clients.length === 1 ? '' : 's'} ${d.clients.join(', ')}  ${when}  ${countsText(d.counts)}`;
  });

/** What a restore changes, in words ("3 cells, 2 rows back, 1 row removed"). */
export const diffText = (d: ContentDiff): string => {
  const parts = [
    d.cells ? n(d.cells, 'cell') : '',
    d.rowsBack ? `${n(d.rowsBack, 'row')} back` : '',
    d.rowsRemoved ? `${n(d.rowsRemoved, 'row')} removed` : '',
    d.rowsMoved ? `${n(d.rowsMoved, 'row')} moved` : '',
    d.sheetsBack ? `${n(d.sheetsBack, 'sheet')} back` : '',
    d.sheetsRemoved ? `${n(d.sheetsRemoved, 'sheet')} removed` : '',
    d.other ? n(d.other, 'other change') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing';
};

/** What a revert changes (or changed), in words. */
export const revertText = (d: RevertDone): string => {
  const parts = [
    d.cells ? `${n(d.cells, 'cell')} set back` : '',
    d.revived ? `${n(d.revived, 'row')} brought back` : '',
    d.removed ? `${n(d.removed, 'row')} it added deleted` : '',
    d.moved ? `${n(d.moved, 'row')} moved back` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing';
};

/** The parts a revert left alone, one line each. */
export const skipLines = (places: readonly SkipPlace[]): string[] =>
  places.map((p) => {
    const where = `${p.sheet}${p.row === null ? '' : ` row ${p.row}`}${p.column === null ? '' : `, ${p.column}`}`;
    return `  ${where}: ${p.why === 'changed' ? 'someone else changed it since; left as it is' : 'its earlier value is no longer kept'}`;
  });
