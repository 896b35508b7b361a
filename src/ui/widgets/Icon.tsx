/** Small line icons for the header and tabs (drawn in the text colour, so they follow the theme). */
import type { JSX } from 'solid-js';

const PATHS = {
  chart: 'M2 13.5h12M4 11V7M7 11V3.5M10 11V6M13 11V8.5',
  calendar: 'M2.5 4h11v9.5h-11zM2.5 6.8h11M5.5 2.5v3M10.5 2.5v3',
  dashboard: 'M2.5 2.5h4.5v4.5h-4.5zM9 2.5h4.5v2.5H9zM9 7h4.5v6.5H9zM2.5 9h4.5v4.5h-4.5z',
} as const;

/** An icon by name, 14 px, hidden from screen readers (its button has a text label). */
export const Icon = (props: { name: keyof typeof PATHS }): JSX.Element => (
  <svg class="wb-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <path d={PATHS[props.name]} fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
);
