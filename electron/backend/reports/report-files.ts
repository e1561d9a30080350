import fs from 'node:fs';
import path from 'node:path';
import type { ReportFormat, ReportParams } from '../../../shared/contract/reports';

/** The media type each format is handed to the window with. */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const KIND_NAMES: Record<ReportParams['kind'], string> = { bulletin: '上合技贸措施简讯', country: '国别影响分析', outcomes: '评议意见采纳情况' };

/** Where reports go: beside the other exported documents. */
export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/**
 * A report's file name without extension, as an analyst would name it: 上合技贸措施简讯-2026年第3期,
 * 国别影响分析-RUS-2026-09-01至2026-11-30, 评议意见采纳情况-2026-09-01至2026-11-30. Only
 * characters every file system takes (the member code is checked by the contract).
 */
export function reportBaseName(params: ReportParams, year: string): string {
  const period = `${params.from}至${params.to}`;
  if (params.kind === 'bulletin') return `${KIND_NAMES.bulletin}-${params.issue !== null ? `${year}年第${params.issue}期` : period}`;
  return [KIND_NAMES[params.kind], params.member, period].filter((p) => p !== null).join('-');
}

/**
 * The first of name, name-2, name-3 … under which none of the report's files exists yet in
 * `dir`: a report made again never overwrites, and its Word, PDF and Excel files keep one name.
 */
export function freeBaseName(dir: string, base: string, extensions: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (extensions.every((ext) => !fs.existsSync(path.join(dir, `${name}.${ext}`)))) return name;
  }
}
