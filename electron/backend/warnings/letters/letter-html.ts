import { LETTER_TITLE, type LetterBlock } from './letter-layout';

/** Text for HTML: the letter carries titles and descriptions from notifications, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * GB/T 9704 as CSS, for Chromium to print: A4; top 37 mm, binding (left) 28 mm, so a text
 * block of 156 × 225 mm; body 3号 (16 pt) 仿宋 on a fixed 28 pt line (as the Word letter);
 * title 2号 (22 pt) 小标宋 where installed; page numbers 4号 "— 1 —" at the outside edge:
 * right on odd pages, left on even ones. The font lists fall back to the CJK fonts Linux carries.
 */
export const GBT9704_PAGE_CSS = `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
@page :right {
  @bottom-right { content: "— " counter(page) " —"; font: 14pt "Times New Roman", "FangSong", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 7mm; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; font: 14pt "Times New Roman", "FangSong", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 7mm; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif;
  font-size: 16pt;
  line-height: 28pt;
  color: #000;
  text-align: justify;
}
`;

const CSS = `${GBT9704_PAGE_CSS}p { margin: 0; orphans: 2; widows: 2; }
.title {
  font-family: "STXiaobiaoSong", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimHei", "黑体", "Noto Sans CJK SC", sans-serif;
  font-size: 22pt;
  line-height: 36pt;
  font-weight: bold;
  text-align: center;
}
.number { text-align: center; margin-bottom: 14pt; }
.addressee { text-align: left; }
.paragraph, .labelled, .contact { text-indent: 2em; }
.heading {
  text-indent: 2em;
  /* A heading may hold a long English title: spreading it to the right edge would gap every character. */
  text-align: left;
  font-family: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif;
  page-break-after: avoid;
  break-after: avoid;
}
/* Symbols and untranslated English give a line few places to break: justified, it gaps. */
.labelled { text-align: left; }
.labelled b { font-weight: bold; }
.signature { text-align: right; }
.signature.first { margin-top: 28pt; }
`;

function render(block: LetterBlock, previous: LetterBlock | undefined): string {
  switch (block.kind) {
    case 'labelled':
      return `<p class="labelled"><b>${escapeHtml(block.label)}</b>${escapeHtml(block.text)}</p>`;
    case 'title':
      return `<h1 class="title" style="margin:0">${escapeHtml(block.text)}</h1>`;
    case 'signature':
      return `<p class="signature${previous?.kind === 'signature' ? '' : ' first'}">${escapeHtml(block.text)}</p>`;
    default:
      return `<p class="${block.kind}">${escapeHtml(block.text)}</p>`;
  }
}

/**
 * The letter as one self-contained HTML document (no script, no external resource) that a
 * Chromium prints to PDF with the page set by its own CSS.
 */
export function letterHtml(blocks: readonly LetterBlock[]): string {
  return printablePage(LETTER_TITLE, CSS, blocks.map((b, i) => render(b, blocks[i - 1])).join('\n'));
}

/**
 * A Chinese document as one self-contained HTML page for Chromium to print: no script and no
 * external resource (its CSP says so); `dataImages` lets in data: images (report charts).
 */
export function printablePage(title: string, css: string, body: string, options: { dataImages?: boolean } = {}): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'${options.dataImages ? '; img-src data:' : ''}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
