/**
 * Saves a blob as a file through an <a download> click: extension pages may start downloads this
 * way without the downloads permission, and Firefox for Android keeps the file name for blob: URLs.
 */
export function saveAsDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
