import type { ReportDocument, ReportTable } from '../../../../shared/contract/reports';
import { writeXlsx, type SheetColumn, type SheetData } from '../../files/xlsx-writer';

/** The first sheet's name: what the report was made from. */
export const PARAMETERS_SHEET = '说明';

const KIND_WORDS: Record<ReportDocument['kind'], string> = { bulletin: '上合技贸措施简讯', country: '国别影响分析', outcomes: '评议意见采纳情况报告' };

/** Who made the annex and when, beyond what the document itself says. */
export interface AnnexMaker {
  /** The instant the report was made (ISO). */
  at: string;
  /** The analyst who made it. */
  by: string;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique, not the parameters sheet's. */
function sheetNames(tables: readonly ReportTable[]): string[] {
  const used = new Set([PARAMETERS_SHEET]);
  return tables.map((t) => {
    const base = t.id.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'table';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name);
    return name;
  });
}

/**
 * What the report was made from, as one header row and one row of values: the writer types
 * whole columns, so each parameter is a column of its own kind (the period's dates are dates,
 * the issue a number).
 */
function parametersSheet(doc: ReportDocument, maker: AnnexMaker): SheetData {
  const p = doc.params;
  const fields: Array<[SheetColumn, string | number | null]> = [
    [{ header: '报告类型', kind: 'text', width: 18 }, KIND_WORDS[doc.kind]],
    [{ header: '标题', kind: 'text', width: 30 }, doc.title],
    [{ header: '副标题', kind: 'text', width: 24 }, doc.subtitle],
    [{ header: '期间起', kind: 'date', width: 12 }, p.from],
    [{ header: '期间止', kind: 'date', width: 12 }, p.to],
    [{ header: '成员或集团', kind: 'text', width: 12 }, p.member],
    [{ header: '期数', kind: 'number', width: 8 }, p.issue],
    [{ header: '编辑', kind: 'text', width: 12 }, doc.compiler],
    [{ header: '发布机构', kind: 'text', width: 30 }, doc.organisation],
    [{ header: '成文日期', kind: 'date', width: 12 }, doc.date],
    [{ header: '制作时间', kind: 'text', width: 26 }, maker.at],
    [{ header: '制作人', kind: 'text', width: 12 }, maker.by],
  ];
  return { name: PARAMETERS_SHEET, columns: fields.map(([c]) => c), rows: [fields.map(([, v]) => v)] };
}

/**
 * The report's data annex: the parameters first, then one sheet per table (the annex-only full
 * lists too), named by the table's id; numbers as numbers and dates as dates (the writer's column kinds).
 */
export async function writeReportXlsx(filePath: string, doc: ReportDocument, maker: AnnexMaker, signal?: AbortSignal): Promise<void> {
  const tables = doc.blocks.filter((b): b is ReportTable => b.type === 'table');
  const names = sheetNames(tables);
  const sheets: SheetData[] = [
    parametersSheet(doc, maker),
    ...tables.map((t, i) => ({
      name: names[i]!,
      columns: t.columns.map((c) => ({ header: c.header, kind: c.kind, width: Math.min(60, Math.max(10, Math.round((c.width ?? 1) * 12))) })),
      rows: t.rows,
    })),
  ];
  await writeXlsx(filePath, sheets, signal ? { signal } : {});
}
