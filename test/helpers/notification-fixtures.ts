import type { Database } from 'better-sqlite3';
import { parseSymbol } from '../../shared/domain/symbol';
import { assignFamilies } from '../../electron/backend/notifications/families';

export interface FixtureNotification {
  symbol: string;
  title?: string;
  distributionDate?: string | null;
  commentDeadline?: string | null;
  source?: 'eping' | 'wto-api' | 'manual' | 'demo';
  jointSymbols?: string[];
}

/**
 * Insert notifications straight into the store, as an import would leave them, and group them
 * into families the way the import does. Returns the ids by symbol.
 */
export function insertNotifications(db: Database, items: FixtureNotification[]): Record<string, number> {
  const insert = db.prepare(`
    INSERT INTO notifications (symbol, area, member_code, member_name, base_symbol, parent_symbol, doc_type, title,
      distribution_date, comment_deadline, joint_symbols, source, created_at, updated_at)
    VALUES (@symbol, @area, @member, @member, @base, @parent, @docType, @title, @distributed, @deadline, @joint,
      @source, @now, @now)`);
  const ids: Record<string, number> = {};
  db.transaction(() => {
    for (const item of items) {
      const parsed = parseSymbol(item.symbol);
      if (!parsed) throw new Error(`Fixture symbol ${item.symbol} does not parse`);
      ids[parsed.symbol] = Number(
        insert.run({
          symbol: parsed.symbol,
          area: parsed.area,
          member: parsed.member,
          base: parsed.base,
          parent: parsed.parent,
          docType: parsed.docType,
          title: item.title ?? `Technical regulation ${parsed.symbol}`,
          distributed: item.distributionDate === undefined ? '2026-03-02' : item.distributionDate,
          deadline: item.commentDeadline === undefined ? null : item.commentDeadline,
          joint: JSON.stringify(item.jointSymbols ?? []),
          source: item.source ?? 'eping',
          now: new Date().toISOString(),
        }).lastInsertRowid,
      );
    }
    assignFamilies(db, Object.values(ids));
  })();
  return ids;
}

/** Bytes of a small but complete PDF (header, one empty page, cross-reference table, trailer). */
export function minimalPdf(text = 'Pingyi'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
