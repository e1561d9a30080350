/**
 * Turns a self-contained HTML document (its CSS sets the page: `@page` size, margins and margin
 * boxes) into PDF bytes. The desktop app prints with its own Chromium (printToPDF in the main
 * process); the CLI and web mode run a Chromium-family browser installed on the machine
 * (chromium-pdf.ts). Either way one layout makes the PDF, so the two cannot drift apart.
 */
export type PdfRenderer = (html: string) => Promise<Buffer>;
