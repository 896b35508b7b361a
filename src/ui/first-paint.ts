/**
 * The moment the first grid rows are on screen. Work that is not needed for that first paint (the
 * formula engine, sync) waits for it, so its code does not compete with the grid's first load.
 */
let resolveShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  resolveShown = resolve;
});

/** Called by the grid in the frame that paints its first rows. */
export const markFirstRowsShown = (): void => resolveShown();

/** Resolves once the first rows are shown, or after `fallbackMs` (an empty sheet, another view). */
export const afterFirstRows = (fallbackMs = 1500): Promise<void> =>
  Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
