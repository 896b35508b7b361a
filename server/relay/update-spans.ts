/**
 * What an update claims of each client's clock: the ranges of its structs, per client id (Skip
 * structs, which stand for ranges an update leaves out, claim nothing). Read once, when the
 * message is decoded, so the ownership check costs no second decoding.
 */
import * as Y from 'yjs';

/** The clock ranges [start, end) an update holds for one client id, in order. */
export interface ClientSpans {
  client: number;
  ranges: [number, number][];
}

/** The ranges of `structs` (as Y.decodeUpdate gives them), grouped by client id. */
export const spansOf = (structs: readonly (Y.Item | Y.GC | Y.Skip)[]): ClientSpans[] => {
  const byClient = new Map<number, [number, number][]>();
  for (const s of structs) {
    if (s instanceof Y.Skip || s.length <= 0) continue;
    let ranges = byClient.get(s.id.client);
    if (!ranges) byClient.set(s.id.client, (ranges = []));
    ranges.push([s.id.clock, s.id.clock + s.length]);
  }
  return [...byClient].map(([client, ranges]) => ({ client, ranges: ranges.sort((a, b) => a[0] - b[0]) }));
};

/** The end of what `spans` hold (0 when nothing). */
export const endOf = (spans: ClientSpans): number => spans.ranges.reduce((end, [, e]) => Math.max(end, e), 0);

/**
 * True when the ranges cover every clock from `from` to their end without a hole: what goes past
 * the relay's state continues it, with nothing skipped.
 */
export const continues = (spans: ClientSpans, from: number): boolean => {
  let at = from;
  for (const [start, end] of spans.ranges) {
    if (end <= at) continue;
    if (start > at) return false;
    at = end;
  }
  return true;
};
