import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../backend/pdf/pdf-renderer';

/** A page that has not loaded and printed after this long is stuck; the caller hears why. */
const PRINT_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`printing the letter did not finish within ${ms / 1000} s`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The desktop app's PdfRenderer: its own Chromium prints the letter, so no browser needs to be
 * installed. The HTML is loaded as a data: URL (which never reaches the network the session
 * locks) into a hidden window with no preload, sandboxed, with JavaScript off, and printed with
 * the page size and margins its CSS sets.
 */
export function electronPdfRenderer(): PdfRenderer {
  return async (html) => {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    try {
      const print = async (): Promise<Buffer> => {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      };
      return await withTimeout(print(), PRINT_TIMEOUT_MS);
    } finally {
      win.destroy();
    }
  };
}
