import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../backend/pdf/pdf-renderer';
import { pdfWindowOptions, printHtml } from './pdf-print';

/**
 * The desktop app's PdfRenderer: its own Chromium prints the letter, so no browser needs to be
 * installed. The window's settings, the URL and the print options are in pdf-print.ts.
 */
export function electronPdfRenderer(): PdfRenderer {
  return (html) =>
    printHtml(html, () => {
      const win = new BrowserWindow(pdfWindowOptions());
      return {
        load: (url) => win.loadURL(url),
        print: (options) => win.webContents.printToPDF(options),
        destroy: () => win.destroy(),
      };
    });
}
