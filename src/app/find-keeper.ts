/**
 * Find's index and its background build, kept for the page's session: the find bar closes and
 * opens again without reading the workbook again. While the bar is closed the index only follows
 * edits by marking what they changed (no formatting); the build reads again on the next opening.
 * One workbook and engine at a time: another (the engine replacing its stand-in) drops the old.
 * Opening another workbook loads another page, which drops it all.
 */
import type { Workbook } from '../model/index.ts';
import type { CalcService } from './calc-service.ts';
import { FindBuild } from './find-build.ts';
import { FindIndex } from './find-index.ts';
import { ViewOrders } from './view-orders.ts';

/** What find keeps between openings of its bar. */
export interface KeptFind {
  readonly wb: Workbook;
  readonly calc: CalcService;
  readonly index: FindIndex;
  readonly build: FindBuild;
  /** Rows of the sheets not on screen in the person's saved view order. */
  readonly orders: ViewOrders;
  /** Stops following the workbook and forgets everything read. */
  drop(): void;
}

let kept: KeptFind | undefined;

/** The kept index of this workbook and engine, made (and the one of any other dropped) on first use. */
export const keptFind = (wb: Workbook, calc: CalcService): KeptFind => {
  if (kept && kept.wb === wb && kept.calc === calc) return kept;
  kept?.drop();
  const index = new FindIndex(wb, calc);
  const orders = new ViewOrders(wb, calc);
  const stops = [index.follow(), orders.follow()];
  const build = new FindBuild(index);
  const made: KeptFind = {
    wb,
    calc,
    index,
    build,
    orders,
    drop: () => {
      build.pause();
      for (const stop of stops) stop();
      index.clear();
      if (kept === made) kept = undefined;
    },
  };
  return (kept = made);
};
