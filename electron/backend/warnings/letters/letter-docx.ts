import { Document, Packer, type Paragraph } from 'docx';
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

/** The letter as Word, laid out after GB/T 9704 like the comment letters (comments/docx-layout.ts). */
export async function letterDocx(blocks: readonly LetterBlock[]): Promise<Buffer> {
  const children: Paragraph[] = [];
  blocks.forEach((block, i) => {
    // One empty line between the text and the signature, as official documents leave.
    if (block.kind === 'signature' && blocks[i - 1]?.kind !== 'signature') children.push(paragraph(zh, [run(zh, '')]));
    children.push(render(block));
  });
  const document = new Document({ creator: 'Pingyi', title: LETTER_TITLE, sections: [section(zh, children)] });
  return Packer.toBuffer(document);
}
