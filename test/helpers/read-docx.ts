import fs from 'node:fs';
import yauzl from 'yauzl';

export interface DocxContent {
  /** Names of the parts in the package. */
  entries: string[];
  /** word/document.xml as written. */
  documentXml: string;
  /** Text of each paragraph of the body, in order (runs joined). */
  paragraphs: string[];
  /** Every part's text by name, for checks on footers, styles and the like. */
  parts: Map<string, string>;
}

/** Every part of a zip package as text, by name. */
export function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip file'));
      const parts = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The text of each w:p element of a WordprocessingML part. */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const runs = [...(p[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1] ?? ''));
    out.push(runs.join(''));
  }
  return out;
}

/** Unzip a .docx (a file path or its bytes) and read its body paragraphs back. */
export async function readDocx(source: string | Buffer): Promise<DocxContent> {
  const bytes = typeof source === 'string' ? fs.readFileSync(source) : source;
  const parts = await unzip(bytes);
  const documentXml = parts.get('word/document.xml');
  if (documentXml === undefined) throw new Error('word/document.xml is missing');
  return { entries: [...parts.keys()], documentXml, paragraphs: paragraphTexts(documentXml), parts };
}

/** The tables of a WordprocessingML part: rows of cell texts (a cell's paragraphs joined by newlines). */
export function tableTexts(xml: string): string[][][] {
  const tables: string[][][] = [];
  for (const t of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows: string[][] = [];
    for (const r of (t[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)) {
      const cells = [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphTexts(c[1] ?? '').join('\n'));
      rows.push(cells);
    }
    tables.push(rows);
  }
  return tables;
}

/** The images packed in a .docx (word/media/*) and how many drawings the body places. */
export function docxImages(content: DocxContent): { media: string[]; drawings: number } {
  return {
    media: content.entries.filter((e) => e.startsWith('word/media/')),
    drawings: [...content.documentXml.matchAll(/<w:drawing>/g)].length,
  };
}
