import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, NotificationRecord } from '../../../shared/contract';
import { nextNationalSymbol } from '../../../shared/domain/national-symbol';
import { parseSymbol } from '../../../shared/domain/symbol';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { detectCommentFollowups } from '../comments/followups';
import { AppError } from '../errors';
import { assignFamilies } from './families';
import { requireNotificationRow } from './notification-lookup';
import { toRecord } from './notification-row';

type CreateInput = ChannelParsedInput<'notificationsCreate'>;
type UpdateInput = ChannelParsedInput<'notificationsUpdateManual'>;

/** A VALIDATION error shaped like the dispatcher's, so forms can put it next to the field. */
function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', `${field}: ${message}`, { fields: [{ path: field, message }] });
}

function checkDates(distributionDate: string | null, commentDeadline: string | null): void {
  if (distributionDate && commentDeadline && commentDeadline < distributionDate) {
    throw fieldError(
      'commentDeadline',
      `the final date for comments (${commentDeadline}) is before the distribution date (${distributionDate})`,
    );
  }
}

interface Identity {
  symbol: string;
  baseSymbol: string;
  parentSymbol: string | null;
  docType: NotificationRecord['docType'];
}

/**
 * The symbol a manual record is kept under: the WTO symbol the analyst typed (checked against
 * area and member, and refused when already stored), or the next national reference.
 */
function chooseIdentity(db: Database, input: CreateInput, country: { name_zh: string; wto_member: number }, today: string): Identity {
  if (input.symbol) {
    const parsed = parseSymbol(input.symbol);
    if (!parsed) {
      throw fieldError('symbol', `${input.symbol} is not a WTO symbol such as G/TBT/N/KAZ/123; leave it empty for a national source`);
    }
    if (parsed.member !== input.memberCode) {
      throw fieldError('symbol', `${parsed.symbol} is a notification of ${parsed.member}, not of ${input.memberCode}`);
    }
    if (parsed.area !== input.area) throw fieldError('symbol', `${parsed.symbol} is an ${parsed.area} notification, not ${input.area}`);
    if (!country.wto_member) {
      throw fieldError('symbol', `${country.name_zh} (${input.memberCode}) is not a WTO member; leave the symbol empty for a national reference`);
    }
    const existing = db.prepare('SELECT id FROM notifications WHERE symbol = ?').get(parsed.symbol) as { id: number } | undefined;
    if (existing) {
      throw new AppError('CONFLICT', `${parsed.symbol} already exists`, { field: 'symbol', symbol: parsed.symbol, id: existing.id });
    }
    return { symbol: parsed.symbol, baseSymbol: parsed.base, parentSymbol: parsed.parent, docType: parsed.docType };
  }
  const year = Number((input.distributionDate ?? today).slice(0, 4));
  const used = (
    // GLOB, unlike LIKE, is case-sensitive and so can use the unique index on symbol.
    db.prepare('SELECT symbol FROM notifications WHERE symbol GLOB ?').all(`NAT/${input.memberCode}/${year}/*`) as Array<{
      symbol: string;
    }>
  ).map((r) => r.symbol);
  const symbol = nextNationalSymbol(input.memberCode, year, used);
  return { symbol, baseSymbol: symbol, parentSymbol: null, docType: 'regular' };
}

/**
 * Enter a notification that arrived by another route (a national source of Uzbekistan or
 * Belarus, a draft seen before its WTO notification). Grouped into a family like an imported
 * one and audited in the same transaction. Returns the new id.
 */
export function createManualNotification(db: Database, actor: Actor, input: CreateInput, today: string, at: Date): number {
  checkDates(input.distributionDate, input.commentDeadline);
  return db.transaction(() => {
    const country = db.prepare('SELECT code, name_zh, name_en, wto_member FROM countries WHERE code = ?').get(input.memberCode) as
      | { code: string; name_zh: string; name_en: string; wto_member: number }
      | undefined;
    if (!country) throw fieldError('memberCode', `${input.memberCode} is not in the country list`);
    const identity = chooseIdentity(db, input, country, today);
    const now = at.toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO notifications (symbol, area, member_code, member_name, base_symbol, parent_symbol, doc_type, title,
             description, products, hs_codes, ics_codes, keywords, objectives, notification_type, distribution_date,
             comment_deadline, proposed_adoption, proposed_entry_into_force, document_links, source, created_at, updated_at)
           VALUES (@symbol, @area, @memberCode, @memberName, @baseSymbol, @parentSymbol, @docType, @title, @description,
             @products, @hsCodes, @icsCodes, @keywords, @objectives, @notificationType, @distributionDate, @commentDeadline,
             @proposedAdoption, @proposedEntryIntoForce, @documentLinks, 'manual', @now, @now)`,
        )
        .run({
          ...identity,
          area: input.area,
          memberCode: input.memberCode,
          memberName: country.name_en,
          title: input.title,
          description: input.description,
          products: input.products,
          hsCodes: JSON.stringify(input.hsCodes),
          icsCodes: JSON.stringify(input.icsCodes),
          keywords: JSON.stringify(input.keywords),
          objectives: JSON.stringify(input.objectives),
          notificationType: input.notificationType,
          distributionDate: input.distributionDate,
          commentDeadline: input.commentDeadline,
          proposedAdoption: input.proposedAdoption,
          proposedEntryIntoForce: input.proposedEntryIntoForce,
          documentLinks: JSON.stringify(input.documentLinks),
          now,
        }).lastInsertRowid,
    );
    assignFamilies(db, [id]);
    detectCommentFollowups(db, [id], at);
    const record = toRecord(requireNotificationRow(db, id));
    recordAudit(db, { at, actor, action: 'create', entity: 'notification', entityId: id, after: record });
    return id;
  })();
}

/** Editable fields: contract key -> column, and how the column stores the value. */
const EDITABLE = {
  title: { column: 'title', list: false },
  description: { column: 'description', list: false },
  products: { column: 'products', list: false },
  hsCodes: { column: 'hs_codes', list: true },
  icsCodes: { column: 'ics_codes', list: true },
  keywords: { column: 'keywords', list: true },
  objectives: { column: 'objectives', list: true },
  notificationType: { column: 'notification_type', list: false },
  distributionDate: { column: 'distribution_date', list: false },
  commentDeadline: { column: 'comment_deadline', list: false },
  proposedAdoption: { column: 'proposed_adoption', list: false },
  proposedEntryIntoForce: { column: 'proposed_entry_into_force', list: false },
  documentLinks: { column: 'document_links', list: true },
} as const satisfies Record<Exclude<keyof UpdateInput, 'id'>, { column: string; list: boolean }>;

type EditableKey = keyof typeof EDITABLE;

/**
 * Edit a manually entered record. Imported records are refused: the next import would
 * overwrite the edit. Each changed field keeps its old value in notification_changes, named by
 * column as the import names it, and the whole edit is one audit entry.
 */
export function updateManualNotification(db: Database, actor: Actor, input: UpdateInput, at: Date): void {
  db.transaction(() => {
    const row = requireNotificationRow(db, input.id);
    if (row.source !== 'manual') {
      throw new AppError(
        'CONFLICT',
        `${row.symbol} came from ${row.source === 'demo' ? 'the demo data' : 'an import'} and cannot be edited by hand; only manually entered notifications can`,
        { symbol: row.symbol, source: row.source },
      );
    }
    // Every editable column holds text or null (lists as JSON), as the import stores them.
    const stored: Record<string, unknown> = { ...row };
    const storedText = (column: string): string | null => (stored[column] as string | null | undefined) ?? null;
    const changes: Array<{ key: EditableKey; column: string; old: string | null; next: string | null }> = [];
    for (const key of Object.keys(EDITABLE) as EditableKey[]) {
      const value = input[key];
      if (value === undefined) continue;
      const { column, list } = EDITABLE[key];
      const next = list ? JSON.stringify(value) : (value as string | null);
      const old = storedText(column);
      if (next !== old) changes.push({ key, column, old, next });
    }
    const merged = (key: 'distributionDate' | 'commentDeadline', column: string): string | null => {
      const change = changes.find((c) => c.key === key);
      return change ? change.next : storedText(column);
    };
    checkDates(merged('distributionDate', 'distribution_date'), merged('commentDeadline', 'comment_deadline'));
    if (changes.length === 0) return;

    const now = at.toISOString();
    const sets = changes.map((c) => `${c.column} = @${c.key}`).join(', ');
    const params: Record<string, unknown> = { id: input.id, now };
    for (const c of changes) params[c.key] = c.next;
    db.prepare(`UPDATE notifications SET ${sets}, updated_at = @now WHERE id = @id`).run(params);
    const keep = db.prepare(
      'INSERT INTO notification_changes (notification_id, import_id, at, actor, field, old_value, new_value) VALUES (?, NULL, ?, ?, ?, ?, ?)',
    );
    for (const c of changes) keep.run(input.id, now, actor.name, c.column, c.old, c.next);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const c of changes) {
      before[c.key] = EDITABLE[c.key].list && c.old !== null ? (JSON.parse(c.old) as unknown) : c.old;
      after[c.key] = input[c.key];
    }
    recordAudit(db, { at, actor, action: 'update', entity: 'notification', entityId: input.id, before, after });
  })();
}
