import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type ISectionOptions,
} from 'docx';

/**
 * Page and type of the two kinds of document: Chinese ones after GB/T 9704 (A4; title in 2号
 * 宋体 bold standing in for 小标宋, which few machines have; body in 3号 仿宋 on a fixed 28 pt
 * line; headings in 黑体; page numbers "— 1 —"), English ones as a plain A4 letter in Times New Roman.
 */
export type DocLanguage = 'zh' | 'en';

/** A4 in twips, as Word writes it (210 × 297 mm rounded up, not truncated). */
const A4 = { width: 11906, height: 16838 };

const FONTS = {
  zh: { body: '仿宋', title: '宋体', heading: '黑体', latin: 'Times New Roman' },
  en: { body: 'Times New Roman', title: 'Times New Roman', heading: 'Times New Roman', latin: 'Times New Roman' },
};

/** Half-points: 3号 = 16 pt, 2号 = 22 pt. */
const SIZE = { zh: { body: 32, title: 44 }, en: { body: 24, title: 28 } };

type Role = 'body' | 'title' | 'heading';

function font(language: DocLanguage, role: Role): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const f = FONTS[language];
  const eastAsia = f[role];
  const latin = language === 'zh' ? f.latin : eastAsia;
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

export function run(language: DocLanguage, text: string, options: { bold?: boolean; role?: Role } = {}): TextRun {
  const role = options.role ?? 'body';
  return new TextRun({
    text,
    bold: options.bold ?? role === 'title',
    font: font(language, role),
    size: role === 'title' ? SIZE[language].title : SIZE[language].body,
  });
}

export interface ParagraphOptions {
  align?: 'left' | 'center' | 'right' | 'justified';
  /** Chinese body text starts two characters in. */
  indent?: boolean;
  spaceAfter?: number;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justified: AlignmentType.JUSTIFIED };

export function paragraph(language: DocLanguage, runs: TextRun[], options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: ALIGN[options.align ?? (language === 'zh' ? 'justified' : 'left')],
    ...(options.indent && language === 'zh' ? { indent: { firstLine: 640 } } : {}),
    spacing:
      language === 'zh'
        ? { line: 560, lineRule: LineRuleType.EXACT, after: options.spaceAfter ?? 0 }
        : { after: options.spaceAfter ?? 160, line: 276, lineRule: LineRuleType.AUTO },
  });
}

/** One paragraph per line of a multi-line text; an optional bold label leads the first. */
export function textBlock(language: DocLanguage, label: string | null, text: string, options: ParagraphOptions = {}): Paragraph[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [];
  return lines.map((line, i) =>
    paragraph(language, label !== null && i === 0 ? [run(language, label, { bold: true }), run(language, line)] : [run(language, line)], options),
  );
}

export function section(language: DocLanguage, children: Paragraph[]): ISectionOptions {
  const margin =
    language === 'zh'
      ? { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) }
      : { top: convertMillimetersToTwip(25), bottom: convertMillimetersToTwip(25), left: convertMillimetersToTwip(25), right: convertMillimetersToTwip(25) };
  const pageNumber = new TextRun({
    children: language === 'zh' ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT],
    font: font(language, 'body'),
    size: language === 'zh' ? 28 : 20,
  });
  return {
    properties: { page: { size: A4, margin } },
    footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumber] })] }) },
    children,
  };
}
