/** Frame times of a scripted scroll of the grid, for the browser benchmarks (grid, wrap). */
import type { Page } from 'playwright-core';

/** What a scroll measured: each frame's time (ms), how far it went (px) and the first row shown at its end. */
export interface ScrollFrames {
  frames: number[];
  scrolledPx: number;
  firstRow: number;
}

/** Scrolls the grid from the top by `stepPx` each frame for `ms`, and times every frame. */
export const scrollFrames = (page: Page, stepPx: number, ms = 5000): Promise<ScrollFrames> =>
  page.evaluate(
    async ({ stepPx, ms }) => {
      const viewport = document.querySelector<HTMLElement>('.ag-grid-viewport, .ag-body-viewport');
      if (!viewport) throw new Error('no grid viewport');
      viewport.scrollTop = 0;
      const frames: number[] = [];
      const start = performance.now();
      let last = start;
      await new Promise<void>((done) => {
        const step = (now: number) => {
          frames.push(now - last);
          last = now;
          viewport.scrollTop += stepPx;
          if (now - start < ms) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      return { frames: frames.slice(1), scrolledPx: viewport.scrollTop, firstRow: window.__wb?.app.grid()?.api?.getFirstDisplayedRowIndex() ?? 0 };
    },
    { stepPx, ms },
  );
