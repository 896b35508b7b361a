/** Moving between the app's pages (the addresses are src/app/routes.ts). */
/** Opens another route: each page is set up afresh (the workbook code keeps no state between routes). */
export const goTo = (hash: string): void => {
  if (location.hash === hash) location.reload();
  else location.hash = hash;
};
