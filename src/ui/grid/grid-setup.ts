/**
 * The AG Grid modules the app uses, registered once, and the grid's theme. Only what is used is
 * registered (AllCommunityModule would add ~120 KB of gzipped JS): editing, menus, filtering, row
 * dragging and clipboard are the app's own, so their AG Grid modules are left out.
 */
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  themeQuartz,
} from 'ag-grid-community';

let registered = false;

/** Registers the grid modules (idempotent). */
export const registerGridModules = (): void => {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
      RowApiModule,
    ScrollApiModule,
    RenderApiModule,
      CellStyleModule,
  ]);
};

/** A calm, dense spreadsheet look: thin borders, small type, one accent colour. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  cellHorizontalPadding: 8,
  accentColor: '#2563eb',
  borderColor: '#e3e6eb',
  rowBorder: { color: '#eceef2' },
  columnBorder: { color: '#eceef2' },
  headerColumnBorder: { color: '#e3e6eb' },
  headerBackgroundColor: '#f6f7f9',
  headerTextColor: '#3b4252',
  foregroundColor: '#1f2430',
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: '#f3f6fb',
  selectedRowBackgroundColor: '#e8effd',
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  pinnedColumnBorder: { color: '#cfd5de' },
  rangeSelectionBorderColor: '#2563eb',
  focusShadow: 'none',
});
