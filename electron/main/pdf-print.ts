import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';

/** A page that has not loaded and printed after this long is stuck; the caller hears why. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * The hidden window a letter is printed in: no preload, sandboxed, isolated, with JavaScript
 * off (the letter is static HTML and CSS), never shown. Kept pure so these settings are tested.
 */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

/** The page size and margins come from the letter's own CSS (@page), with its backgrounds. */
export const PDF_PRINT_OPTIONS: PrintToPDFOptions = { preferCSSPageSize: true, printBackground: true };

/**
 * The HTML as a data: URL, which never reaches the network the session locks; base64, so no
 * character of the letter (Chinese, '#', '%') is read as part of the URL.
 */
export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** `work`, or a rejection saying what did not finish within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
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

/** What printing needs of a browser page: the desktop app's hidden BrowserWindow. */
export interface PrintPage {
  load(url: string): Promise<unknown>;
  print(options: PrintToPDFOptions): Promise<Buffer>;
  destroy(): void;
}

/**
 * Print `html` to PDF in a page made for it: load it as a data: URL, print with the letter's
 * own page settings, and destroy the page whatever happens (a failure, or a page stuck past
 * `timeoutMs`).
 */
export async function printHtml(html: string, openPage: () => PrintPage, timeoutMs = PRINT_TIMEOUT_MS): Promise<Buffer> {
  const page = openPage();
  try {
    const print = async (): Promise<Buffer> => {
      await page.load(htmlDataUrl(html));
      return page.print(PDF_PRINT_OPTIONS);
    };
    return await withTimeout(print(), timeoutMs, 'printing the letter');
  } finally {
    page.destroy();
  }
}
