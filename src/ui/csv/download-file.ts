/**
 * Hands bytes to the browser as a download: a Blob URL on a temporary link. No inline script and no
 * data: URL, so it works under the page's strict CSP.
 */

/** Starts the download of `bytes` as a file called `name`. */
export const downloadFile = (name: string, bytes: Uint8Array, type: string): void => {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has been handled; the URL is only freed later
  // because some browsers read it asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
