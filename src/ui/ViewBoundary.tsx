/**
 * Error boundaries: a view that throws while it renders (the grid, the charts, the calendar, the
 * dashboard, a dialog or panel, the start page, or the whole workbook page) is replaced by a
 * message with "Reload" and "Repair from the server", and the rest of the app, sync included,
 * keeps working. Whatever a peer wrote must not take a person's workbook away before it can sync
 * the fix. Only the boundary is in the first load; the message loads when a view fails.
 */
import { ErrorBoundary, lazy, Suspense, type JSX } from 'solid-js';
import type { WorkbookSession } from '../sync/session.ts';
import type { Recovery } from './repair/Recovery.tsx';

/** The repair of a session's workbook, when it has a copy on the relay. */
export const sessionRepair = (session: WorkbookSession | undefined): Recovery['repair'] =>
  session?.canRepairFromServer ? () => session.repairFromServer() : undefined;

const BoundaryMessage = lazy(() => import('./repair/Recovery.tsx'));

/** Shows `children`, or, when they throw, the message with the recovery buttons. `name` says which view (for tests and styles). */
export const ViewBoundary = (props: Recovery & { name: string; close?: () => void; closeLabel?: string; children: JSX.Element }): JSX.Element => (
  <ErrorBoundary
    fallback={(err: unknown, reset) => {
      console.error(`The ${props.name} view failed:`, err);
      return (
        <Suspense>
          <BoundaryMessage {...props} error={err} retry={reset} />
        </Suspense>
      );
    }}
  >
    {props.children}
  </ErrorBoundary>
);
