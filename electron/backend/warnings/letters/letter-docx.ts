import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { paragraph, run, section } from '../../comments/docx-layout';
import { LETTER_TITLE, type LetterBlock } from './letter-layout';

const zh = 'zh';

function render(block: LetterBlock): Paragraph {
  switch (block.kind) {
    case 'title':
      return paragraph(zh, [run(zh, block.text, { role: 'title' })], { align: 'center' });
    case 'number':
      return paragraph(zh, [run(zh, block.text)], { align: 'center', spaceAfter: 280 });
    case 'addressee':
      return paragraph(zh, [run(zh, block.text)], { align: 'left' });
    case 'paragraph':
      return paragraph(zh, [run(zh, block.text)], { indent: true });
    case 'heading':
      return paragraph(zh, [run(zh, block.text, { role: 'heading' })], { indent: true, align: 'left' });
    case 'labelled':
      return paragraph(zh, [run(zh, block.label, { bold: true }), run(zh, block.text)], { indent: true });
    case 'signature':
      return paragraph(zh, [run(zh, block.text)], { align: 'right' });
    case 'contact':
      return paragraph(zh, [run(zh, block.text)], { indent: true });
  }
}

/** "— 1 —" in 4号 (14 pt), at one edge of the footer. */
export function pageNumberFooter(edge: 'left' | 'right'): Footer {
  const number = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
    size: 28,
  });
  return new Footer({ children: [new Paragraph({ alignment: edge === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [number] })] });
}

/** The letter as Word, laid out after GB/T 9704 like the comment letters (comments/docx-layout.ts). */
export async function letterDocx(blocks: readonly LetterBlock[]): Promise<Buffer> {
  const children: Paragraph[] = [];
  blocks.forEach((block, i) => {
    // One empty line between the text and the signature, as official documents leave.
    if (block.kind === 'signature' && blocks[i - 1]?.kind !== 'signature') children.push(paragraph(zh, [run(zh, '')]));
    children.push(render(block));
  });
  const document = new Document({
    creator: 'Pingyi',
    title: LETTER_TITLE,
    // GB/T 9704 puts page numbers at the outside edge: right on odd pages, left on even ones (as the PDF's CSS does).
    evenAndOddHeaderAndFooters: true,
    sections: [{ ...section(zh, children), footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') } }],
  });
  return Packer.toBuffer(document);
}
