import { describe, expect, it } from 'vitest';
import { htmlDataUrl, PDF_PRINT_OPTIONS, pdfWindowOptions, printHtml, withTimeout, type PrintPage } from './pdf-print';

const LETTER = '<!doctype html><html><body><h1>风险预警函 #3</h1><p>100% 的出口额 &amp; G/TBT/N/SAU/1201</p></body></html>';

/** A page that records what it was asked, and prints what `print` gives. */
function recordingPage(print: () => Promise<Buffer>) {
  const calls: string[] = [];
  let loaded = '';
  const page: PrintPage = {
    load: (url) => {
      calls.push('load');
      loaded = url;
      return Promise.resolve();
    },
    print: (options) => {
      calls.push(`print ${JSON.stringify(options)}`);
      return print();
    },
    destroy: () => calls.push('destroy'),
  };
  return { page, calls, loaded: () => loaded };
}

describe('printing a letter to PDF', () => {
  it('uses a hidden, sandboxed window without scripts', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('loads the letter as a data: URL that gives back every character', () => {
    const url = htmlDataUrl(LETTER);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    // Nothing in the URL that a browser would read as a fragment or an escape.
    expect(url).not.toMatch(/[#%\s]/);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(LETTER);
  });

  it("prints with the letter's own page size and backgrounds, then destroys the window", async () => {
    const pdf = Buffer.from('%PDF-1.4 test');
    const r = recordingPage(() => Promise.resolve(pdf));
    expect(await printHtml(LETTER, () => r.page)).toBe(pdf);
    expect(r.loaded()).toBe(htmlDataUrl(LETTER));
    expect(r.calls).toEqual(['load', `print ${JSON.stringify(PDF_PRINT_OPTIONS)}`, 'destroy']);
    expect(PDF_PRINT_OPTIONS).toEqual({ preferCSSPageSize: true, printBackground: true });
  });

  it('destroys the window when printing fails, and passes the reason on', async () => {
    const r = recordingPage(() => Promise.reject(new Error('printing failed: out of memory')));
    await expect(printHtml(LETTER, () => r.page)).rejects.toThrow('out of memory');
    expect(r.calls.at(-1)).toBe('destroy');
  });

  it('gives up on a page that never prints, says so, and destroys it', async () => {
    const r = recordingPage(() => new Promise<Buffer>(() => undefined));
    await expect(printHtml(LETTER, () => r.page, 30)).rejects.toThrow('printing the letter did not finish within 0.03 s');
    expect(r.calls.at(-1)).toBe('destroy');
  });

  it('withTimeout passes a result through and turns a thrown non-error into an Error', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject('plain text'), 1000, 'x')).rejects.toThrow('plain text');
  });
});
