import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EnterpriseContact, EnterpriseImportReport } from '../../../shared/contract/enterprises';
import { EnterpriseContact as ContactSchema, ProductHsCode } from '../../../shared/contract/enterprises';
import type { RowNotice, RowRejection } from '../../../shared/contract/imports';
import type { Clock } from '../../../shared/domain/clock';
import { creditCodeProblem, describeCreditCodeProblem, normalizeCreditCode } from '../../../shared/domain/credit-code';
import type { Actor } from '../analysts/analysts';
import { roundUsd, writeEnterprise, type DesiredEnterprise } from './enterprise-write';
import { enterpriseColumnIndex, parseUsd, splitRegion, type EnterpriseColumn } from './import-columns';
import { marketResolver, unknownMarketMessage } from './markets';
import { readTableFile } from './table-file';

/** What an import did, before the recomputation job is started (that happens after the commit). */
export interface EnterpriseImportOutcome {
  report: Omit<EnterpriseImportReport, 'warningsJobId'>;
  changedUids: string[];
}

/** The form's limit too: a figure above it is a typing error. */
const MAX_USD = 1e13;

interface Pending {
  row: number;
  desired: DesiredEnterprise;
  lineRows: Map<string, number>;
}

/**
 * Import an enterprise file (XLSX or CSV) in one transaction. Each bad row is rejected with its
 * row, field and reason and the others are imported; rows of one credit code make one
 * enterprise (its name, region and industry from its first row); a bloc market expands to one
 * line per member, each with an equal share of the value. Lines are added or updated, never
 * removed (a file may carry only some of an enterprise's products). Re-importing a file changes
 * nothing. A failure mid-way rolls everything back, the import's own record included.
 */
export async function importEnterprises(db: Database, filePath: string, fileName: string, actor: Actor, clock: Clock): Promise<EnterpriseImportOutcome> {
  const table = await readTableFile(filePath);
  const col = enterpriseColumnIndex(table.header);
  const cell = (cells: string[], c: EnterpriseColumn): string => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '');
  const markets = marketResolver(db);
  const rejections: RowRejection[] = [];
  const notices: RowNotice[] = [];
  // `code` and `params` let the window word the reason in its language (enterpriseImportReasons).
  const reject = (row: number, field: string, reason: string, value: string, code: string, params: Record<string, string | number> = {}): void => {
    rejections.push({ row, field, reason, value, code, params: { value, ...params } });
  };
  const byCode = new Map<string, Pending>();

  for (const { row, cells } of table.rows) {
    const name = cell(cells, 'name');
    const codeText = cell(cells, 'credit_code');
    const creditCode = normalizeCreditCode(codeText);
    const problem = creditCodeProblem(creditCode);
    if (problem) {
      reject(row, 'credit_code', `invalid unified social credit code: ${describeCreditCodeProblem(problem)}`, codeText, `creditCode.${problem.kind}`, { ...problem });
      continue;
    }
    if (!name) {
      reject(row, 'name', 'the enterprise name is empty', name, 'name.empty');
      continue;
    }
    let hsText = cell(cells, 'hs_code');
    // Excel keeps a code typed as a number without its leading zero (chapters 01-09: 030617 → 30617).
    if (/^\d{5}$|^\d{7}$|^\d{9}$/.test(hsText)) {
      notices.push({ row, field: 'hs_code', reason: `the HS code ${hsText} lost its leading zero (saved as a number); read as 0${hsText}`, value: hsText, code: 'hsCode.leadingZero', params: { value: hsText } });
      hsText = `0${hsText}`;
    }
    const hs = ProductHsCode.safeParse(hsText);
    if (!hs.success) {
      reject(row, 'hs_code', 'an HS code of a product has 6 to 10 digits', hsText, 'hsCode.invalid');
      continue;
    }
    const marketText = cell(cells, 'market');
    const market = markets.resolve(marketText);
    if (!market || market.codes.length === 0) {
      reject(row, 'market', marketText ? unknownMarketMessage(marketText) : 'the export market is empty', marketText, 'market.unknown');
      continue;
    }
    const valueText = cell(cells, 'annual_export_usd');
    const value = parseUsd(valueText);
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > MAX_USD)) {
      const why = Number.isNaN(value) ? 'is not a number' : value < 0 ? 'is negative' : 'is beyond any enterprise\'s exports (over 10 trillion USD)';
      reject(row, 'annual_export_usd', `the annual export value ${why}`, valueText, 'value.invalid');
      continue;
    }
    const contactInput = { person: cell(cells, 'contact'), phone: cell(cells, 'phone'), email: cell(cells, 'email') };
    const contact = ContactSchema.safeParse(contactInput);
    if (!contact.success) {
      reject(row, 'email', 'not an e-mail address', contactInput.email, 'email.invalid');
      continue;
    }

    let pending = byCode.get(creditCode);
    if (!pending) {
      const region = splitRegion(cell(cells, 'region'));
      pending = {
        row,
        desired: { name, creditCode, province: region.province, city: region.city, industry: cell(cells, 'industry'), contacts: [], lines: [] },
        lineRows: new Map(),
      };
      byCode.set(creditCode, pending);
    } else if (pending.desired.name !== name) {
      notices.push({
        row,
        field: 'name',
        reason: `the credit code ${creditCode} was named "${pending.desired.name}" in row ${pending.row}; that first name is kept`,
        value: name,
        code: 'name.differs',
        params: { value: name, firstRow: pending.row, firstName: pending.desired.name },
      });
    }
    addContact(pending.desired.contacts, contact.data);

    const share = value === null ? null : roundUsd(value / market.codes.length);
    if (market.bloc && value !== null) {
      notices.push({
        row,
        field: 'market',
        reason: `${market.bloc} stands for ${market.codes.join(', ')}; the value ${value} USD is for the bloc as a whole, so each member's line carries an equal share of ${share} USD`,
        value: marketText,
        code: 'market.blocShared',
        params: { value, bloc: market.bloc, members: market.codes.join(', '), share: share ?? 0 },
      });
    }
    for (const member of market.codes) {
      const key = `${hs.data}|${member}`;
      const earlier = pending.lineRows.get(key);
      if (earlier !== undefined) {
        notices.push({
          row,
          field: 'market',
          reason: `HS ${hs.data} to ${member} was already given in row ${earlier}; that first value is kept`,
          value: marketText,
          code: 'line.repeated',
          params: { hsCode: hs.data, firstRow: earlier, market: member },
        });
        continue;
      }
      pending.lineRows.set(key, row);
      pending.desired.lines.push({ hsCode: hs.data, market: member, annualExportUsd: share });
    }
  }

  const sha256 = crypto.createHash('sha256').update(table.bytes).digest('hex');
  return db.transaction(() => {
    const at = clock.now().toISOString();
    const importId = Number(
      db
        .prepare("INSERT INTO enterprise_imports (kind, file_name, file_sha256, format, at, actor_id, report) VALUES ('enterprises', ?, ?, ?, ?, ?, '{}')")
        .run(fileName, sha256, table.format, at, actor.uid).lastInsertRowid,
    );
    const counts = { enterprisesAdded: 0, enterprisesUpdated: 0, enterprisesUnchanged: 0, linesAdded: 0, linesUpdated: 0, linesUnchanged: 0 };
    const changedUids: string[] = [];
    for (const pending of byCode.values()) {
      const outcome = writeEnterprise(db, pending.desired, { actor, clock, importId, replaceLines: false });
      if (outcome.status === 'added') counts.enterprisesAdded += 1;
      else if (outcome.status === 'updated') counts.enterprisesUpdated += 1;
      else counts.enterprisesUnchanged += 1;
      counts.linesAdded += outcome.lines.added;
      counts.linesUpdated += outcome.lines.updated;
      counts.linesUnchanged += outcome.lines.unchanged;
      if (outcome.status !== 'unchanged') changedUids.push(outcome.uid);
    }
    const report: EnterpriseImportOutcome['report'] = {
      importId,
      fileName,
      format: table.format,
      rowsRead: table.rows.length,
      ...counts,
      rejected: rejections.length,
      rejections,
      notices,
    };
    db.prepare('UPDATE enterprise_imports SET report = ? WHERE id = ?').run(JSON.stringify(report), importId);
    return { report, changedUids };
  })();
}

/** Contacts of an enterprise's rows, each person once (the same contact on every row is usual). */
function addContact(contacts: EnterpriseContact[], contact: EnterpriseContact): void {
  if (!contact.person && !contact.phone && !contact.email) return;
  if (contacts.some((c) => c.person === contact.person && c.phone === contact.phone && c.email === contact.email)) return;
  contacts.push(contact);
}
