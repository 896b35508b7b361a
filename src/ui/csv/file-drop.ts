/**
 * Files dragged from the desktop onto an element: the element is marked while a file is over it,
 * and the first dropped file is handed on. Other drags (text, the grid's own row moves) are left alone.
 */

/** True when a drag carries files. */
export const draggingFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/** Listens for files dropped on `el`; `onOver` tells when one is held over it. Returns the unsubscribe function. */
export const listenFileDrop = (el: HTMLElement, onFile: (file: File) => void, onOver: (over: boolean) => void): (() => void) => {
  // dragenter/dragleave fire for every child crossed: count them so leaving a child is not leaving `el`.
  let depth = 0;
  const enter = (e: DragEvent) => {
    if (!draggingFiles(e)) return;
    depth++;
    onOver(true);
  };
  const leave = (e: DragEvent) => {
    if (!draggingFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) onOver(false);
  };
  const over = (e: DragEvent) => {
    if (!draggingFiles(e)) return;
    // Without this the browser would open the file instead of dropping it here.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    if (!draggingFiles(e)) return;
    e.preventDefault();
    depth = 0;
    onOver(false);
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  el.addEventListener('dragenter', enter);
  el.addEventListener('dragleave', leave);
  el.addEventListener('dragover', over);
  el.addEventListener('drop', drop);
  return () => {
    el.removeEventListener('dragenter', enter);
    el.removeEventListener('dragleave', leave);
    el.removeEventListener('dragover', over);
    el.removeEventListener('drop', drop);
  };
};

/**
 * Stops a file dropped outside every drop target from replacing the app (the browser's default
 * is to open it). Returns the unsubscribe function.
 */
export const blockFileOpen = (target: Window): (() => void) => {
  const block = (e: DragEvent) => {
    if (draggingFiles(e)) e.preventDefault();
  };
  target.addEventListener('dragover', block);
  target.addEventListener('drop', block);
  return () => {
    target.removeEventListener('dragover', block);
    target.removeEventListener('drop', block);
  };
};
