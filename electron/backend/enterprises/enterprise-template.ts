import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/contract';
import type { Locale } from '../../../shared/contract/app';
import { writeExport } from '../comments/export-file';
import { ENTERPRISE_COLUMNS, ENTERPRISE_HEADERS, type EnterpriseColumn } from './import-columns';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** The example row: a credit code whose check character is right, and a real HS line. */
const EXAMPLE: Record<Locale, Record<EnterpriseColumn, string | number>> = {
  'zh-CN': {
    name: '示例新能源科技有限公司',
    credit_code: '91350100M000100Y43',
    region: '福建省福州市',
    industry: '锂离子电池',
    hs_code: '8507600010',
    market: '沙特阿拉伯',
    annual_export_usd: 1200000,
    contact: '张三',
    phone: '0591-88000000',
    email: 'export@example.com',
  },
  en: {
    name: 'Example New Energy Technology Co., Ltd.',
    credit_code: '91350100M000100Y43',
    region: 'Fujian, Fuzhou',
    industry: 'lithium-ion batteries',
    hs_code: '8507600010',
    market: 'Saudi Arabia',
    annual_export_usd: 1200000,
    contact: 'Zhang San',
    phone: '0591-88000000',
    email: 'export@example.com',
  },
};

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The template's bytes: the headers of `locale` and one example row. */
export async function enterpriseTemplateBytes(format: 'xlsx' | 'csv', locale: Locale): Promise<Buffer> {
  const headers = ENTERPRISE_COLUMNS.map((c) => ENTERPRISE_HEADERS[locale][c]);
  const example = ENTERPRISE_COLUMNS.map((c) => EXAMPLE[locale][c]);
  if (format === 'csv') {
    // With a BOM, so that Excel opens the Chinese headers as UTF-8.
    return Buffer.from(`\uFEFF${headers.map(csvCell).join(',')}\r\n${example.map(csvCell).join(',')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '企业' : 'Enterprises');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(example);
  // Codes are text: Excel must not turn an 18-character code or a 10-digit HS code into a number.
  for (const c of ['credit_code', 'hs_code'] as const) sheet.getColumn(ENTERPRISE_COLUMNS.indexOf(c) + 1).numFmt = '@';
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(12, String(headers[i] ?? '').length * 2 + 4, String(example[i] ?? '').length + 2);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Write the template among the exports and describe it. */
export async function writeEnterpriseTemplate(dataDir: string, format: 'xlsx' | 'csv', locale: Locale, inline: boolean): Promise<ExportedFile> {
  const bytes = await enterpriseTemplateBytes(format, locale);
  const name = `enterprise-template-${locale === 'zh-CN' ? 'zh' : 'en'}.${format}`;
  return { ...writeExport(dataDir, name, bytes, inline), mediaType: format === 'xlsx' ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE };
}
