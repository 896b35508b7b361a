/**
 * The version of the workbook document's layout this code reads and writes. It goes up only when a
 * change of the layout needs a migration (which moves data, and runs in the relay or the CLI, never
 * in an offline client); additive changes keep it. Which version a workbook is at is decided by the
 * relay and the CLI, never by a field an editor can write (see src/model/layout.ts).
 */
export const SCHEMA_VERSION = 1;
