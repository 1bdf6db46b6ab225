/**
 * Hands a file the browser host offers (`ExportResult.download`) to the browser's own download
 * manager: a page cannot write local files, so this is how an export reaches the user there.
 * The host names the file (Content-Disposition), hence the empty `download` attribute.
 */
export function startDownload(href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
