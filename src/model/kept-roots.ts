/**
 * The names of the root types the history readers open (src/model): the same names as layout.ts,
 * edit-log.ts and timeline-log.ts give them (a test keeps them equal), written here so that the
 * readers, which load with the history panel, take nothing more from the app's first load.
 */
export const KEPT_ROOTS = { sheets: 'sheets', layouts: 'layouts', edits: 'edits', timeline: 'timeline' } as const;
