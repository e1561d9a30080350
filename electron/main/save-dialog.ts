import path from 'node:path';
import type { SaveDialogOptions, Session } from 'electron';
import type { Locale } from '../../shared/contract';

const KINDS: Record<string, { zh: string; en: string; title: { zh: string; en: string } }> = {
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook', title: { zh: '保存 Excel 文件', en: 'Save the Excel file' } },
  csv: { zh: 'CSV 文本', en: 'CSV text', title: { zh: '保存 CSV 文件', en: 'Save the CSV file' } },
  docx: { zh: 'Word 文档', en: 'Word document', title: { zh: '保存 Word 文档', en: 'Save the Word document' } },
  pdf: { zh: 'PDF 文档', en: 'PDF document', title: { zh: '保存 PDF 文档', en: 'Save the PDF document' } },
};

/**
 * The save dialog of a download: titled by the file's type, filtered to that type, the file
 * name the backend chose proposed. An unknown type gets a plain "Save" dialog with no filter.
 */
export function saveDialogOptions(fileName: string, locale: Locale): SaveDialogOptions {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const kind = KINDS[extension];
  const zh = locale !== 'en';
  if (!kind) return { title: zh ? '保存文件' : 'Save the file', defaultPath: fileName };
  return {
    title: zh ? kind.title.zh : kind.title.en,
    defaultPath: fileName,
    filters: [
      { name: zh ? kind.zh : kind.en, extensions: [extension] },
      { name: zh ? '所有文件' : 'All files', extensions: ['*'] },
    ],
  };
}

/**
 * Downloads the window starts (an export, a report, a letter) ask where to save, in the app's
 * language, rather than landing in the Downloads folder unannounced.
 */
export function askWhereToSave(session: Session, locale: () => Locale): void {
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), locale()));
  });
}
