import type { ExportedFile } from '../../../../shared/contract';

/** Hand an exported file (sent inline as base64) to the browser's download, under the name the backend chose. */
export function downloadExport(file: ExportedFile): boolean {
  if (file.base64 === null) return false;
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; keep the URL a moment for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
