import type { Database } from 'better-sqlite3';
import type { EnterpriseContact } from '../../../shared/contract/enterprises';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';

/** An enterprise as a form or an import wants it to be, its lines already expanded to members. */
export interface DesiredEnterprise {
  name: string;
  creditCode: string;
  province: string;
  city: string;
  industry: string;
  contacts: EnterpriseContact[];
  /** Undefined: keep the notes the enterprise has (an import carries none). */
  notes?: string;
  lines: DesiredLine[];
}

export interface DesiredLine {
  hsCode: string;
  market: string;
  annualExportUsd: number | null;
}

export interface WriteOptions {
  actor: Actor;
  clock: Clock;
  /** The enterprise import making the change, recorded with each value it replaces. */
  importId?: number;
  /**
   * True (a form): lines not in `lines` are removed. False (an import): a file adds and updates
   * lines, and a line it does not name stays, since one file may carry only some products.
   */
  replaceLines: boolean;
}

export interface WriteOutcome {
  uid: string;
  id: number;
  status: 'added' | 'updated' | 'unchanged';
  lines: { added: number; updated: number; unchanged: number; removed: number };
}

interface EnterpriseRow {
  id: number;
  uid: string;
  name: string;
  credit_code: string;
  province: string;
  city: string;
  industry: string;
  contacts: string;
  notes: string;
}

interface LineRow {
  id: number;
  uid: string;
  hs_code: string;
  market: string;
  annual_export_usd: number | null;
}

/** How a line is named in history and messages: "8507600010 → SAU". */
export function lineLabel(hsCode: string, market: string): string {
  return `${hsCode} → ${market}`;
}

function valueText(v: number | null): string | null {
  return v === null ? null : String(v);
}

/** Cents are the finest figure kept: a bloc's value shared among its members is rounded to them. */
export function roundUsd(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The live enterprise holding `creditCode`, if any. */
export function liveEnterpriseByCode(db: Database, creditCode: string): { id: number; uid: string; name: string } | undefined {
  return db.prepare('SELECT id, uid, name FROM enterprises WHERE credit_code = ? AND deleted_at IS NULL').get(creditCode) as
    | { id: number; uid: string; name: string }
    | undefined;
}

/**
 * Make or change one enterprise and its lines (the caller holds the transaction). Every value
 * replaced is kept in enterprise_changes; a changed line keeps its uid; a removed line gets a
 * tombstone. Audited as 'create' or 'update' of entity 'enterprise' when anything changed.
 * `uid`: the enterprise a form edits. Without it, a new enterprise; a credit code already held
 * is a CONFLICT from a form, while an import (options.importId) merges into that enterprise.
 */
export function writeEnterprise(db: Database, desired: DesiredEnterprise, options: WriteOptions, uid?: string): WriteOutcome {
  const { actor, clock } = options;
  const at = clock.now().toISOString();
  const holder = liveEnterpriseByCode(db, desired.creditCode);
  let current: EnterpriseRow | undefined;
  if (uid !== undefined) {
    current = db.prepare('SELECT * FROM enterprises WHERE uid = ? AND deleted_at IS NULL').get(uid) as EnterpriseRow | undefined;
    if (!current) throw new AppError('NOT_FOUND', `No enterprise ${uid} in the registry (it may have been removed)`, { uid });
    if (holder && holder.uid !== uid) {
      throw new AppError('CONFLICT', `The credit code ${desired.creditCode} already belongs to ${holder.name}`, {
        field: 'creditCode',
        creditCode: desired.creditCode,
        otherUid: holder.uid,
        otherName: holder.name,
      });
    }
  } else if (holder) {
    if (options.importId === undefined) {
      throw new AppError('CONFLICT', `The credit code ${desired.creditCode} already belongs to ${holder.name}`, {
        field: 'creditCode',
        creditCode: desired.creditCode,
        otherUid: holder.uid,
        otherName: holder.name,
      });
    }
    current = db.prepare('SELECT * FROM enterprises WHERE id = ?').get(holder.id) as EnterpriseRow;
  }

  // A file's empty cell says nothing: what the registry holds stays (a form's empty field clears).
  const keep = (given: string, held: string | undefined): string => (options.replaceLines || given !== '' ? given : (held ?? ''));
  const contacts = options.replaceLines || desired.contacts.length > 0 ? JSON.stringify(desired.contacts) : (current?.contacts ?? '[]');
  const fields = {
    name: desired.name,
    credit_code: desired.creditCode,
    province: keep(desired.province, current?.province),
    city: keep(desired.city, current?.city),
    industry: keep(desired.industry, current?.industry),
    contacts,
    notes: desired.notes ?? current?.notes ?? '',
  };
  const history = db.prepare(
    'INSERT INTO enterprise_changes (enterprise_uid, at, actor_id, import_id, field, line, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const importId = options.importId ?? null;

  let status: WriteOutcome['status'];
  let row: { id: number; uid: string };
  if (!current) {
    const stamp = newRecordStamp(actor, clock);
    const info = db
      .prepare(
        `INSERT INTO enterprises (uid, created_at, created_by, updated_at, updated_by, name, credit_code, province, city, industry, contacts, notes)
         VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @name, @credit_code, @province, @city, @industry, @contacts, @notes)`,
      )
      .run({ ...stamp, ...fields });
    row = { id: Number(info.lastInsertRowid), uid: stamp.uid };
    status = 'added';
  } else {
    row = { id: current.id, uid: current.uid };
    const before: Record<string, string> = {};
    for (const f of ['name', 'credit_code', 'province', 'city', 'industry', 'contacts', 'notes'] as const) {
      if (current[f] !== fields[f]) {
        before[f] = current[f];
        history.run(current.uid, at, actor.uid, importId, f === 'credit_code' ? 'creditCode' : f, null, current[f], fields[f]);
      }
    }
    status = Object.keys(before).length > 0 ? 'updated' : 'unchanged';
    if (status === 'updated') {
      db.prepare(
        `UPDATE enterprises SET name = @name, credit_code = @credit_code, province = @province, city = @city, industry = @industry,
           contacts = @contacts, notes = @notes, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id`,
      ).run({ ...fields, ...changeStamp(actor, clock), id: current.id });
    }
  }

  const existing = db
    .prepare('SELECT id, uid, hs_code, market, annual_export_usd FROM enterprise_exposure WHERE enterprise_uid = ? AND deleted_at IS NULL')
    .all(row.uid) as LineRow[];
  const byLine = new Map(existing.map((l) => [`${l.hs_code}|${l.market}`, l]));
  const lines = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const wanted = new Set<string>();
  const insertLine = db.prepare(
    `INSERT INTO enterprise_exposure (uid, created_at, created_by, updated_at, updated_by, enterprise_uid, hs_code, market, annual_export_usd)
     VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @enterprise_uid, @hs_code, @market, @value)`,
  );
  const updateLine = db.prepare('UPDATE enterprise_exposure SET annual_export_usd = @value, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id');
  for (const l of desired.lines) {
    const k = `${l.hsCode}|${l.market}`;
    if (wanted.has(k)) continue;
    wanted.add(k);
    const old = byLine.get(k);
    if (!old) {
      insertLine.run({ ...newRecordStamp(actor, clock), enterprise_uid: row.uid, hs_code: l.hsCode, market: l.market, value: l.annualExportUsd });
      if (status !== 'added') history.run(row.uid, at, actor.uid, importId, 'exposure', lineLabel(l.hsCode, l.market), null, valueText(l.annualExportUsd) ?? '');
      lines.added += 1;
    } else if (old.annual_export_usd !== l.annualExportUsd) {
      updateLine.run({ value: l.annualExportUsd, ...changeStamp(actor, clock), id: old.id });
      history.run(row.uid, at, actor.uid, importId, 'exposure', lineLabel(l.hsCode, l.market), valueText(old.annual_export_usd), valueText(l.annualExportUsd));
      lines.updated += 1;
    } else {
      lines.unchanged += 1;
    }
  }
  if (options.replaceLines) {
    const tombstone = db.prepare('UPDATE enterprise_exposure SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id');
    for (const [k, old] of byLine) {
      if (wanted.has(k)) continue;
      tombstone.run({ ...tombstoneStamp(actor, clock), id: old.id });
      history.run(row.uid, at, actor.uid, importId, 'exposure', lineLabel(old.hs_code, old.market), valueText(old.annual_export_usd) ?? '', null);
      lines.removed += 1;
    }
  }
  if (status === 'unchanged' && lines.added + lines.updated + lines.removed > 0) {
    status = 'updated';
    db.prepare('UPDATE enterprises SET updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({ ...changeStamp(actor, clock), id: row.id });
  }
  if (status !== 'unchanged') {
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: status === 'added' ? 'create' : 'update',
      entity: 'enterprise',
      entityId: row.id,
      entityUid: row.uid,
      ...(current ? { before: auditView(current) } : {}),
      after: { ...fields, contacts: JSON.parse(contacts) as unknown, lines: { ...lines }, ...(importId !== null ? { importId } : {}) },
    });
  }
  return { uid: row.uid, id: row.id, status, lines };
}

function auditView(row: EnterpriseRow): Record<string, unknown> {
  return {
    name: row.name,
    credit_code: row.credit_code,
    province: row.province,
    city: row.city,
    industry: row.industry,
    contacts: JSON.parse(row.contacts) as unknown,
    notes: row.notes,
  };
}

/** Tombstone an enterprise and its lines (the caller holds the transaction); false when it was gone already. */
export function tombstoneEnterprise(db: Database, uid: string, actor: Actor, clock: Clock): boolean {
  const row = db.prepare('SELECT * FROM enterprises WHERE uid = ? AND deleted_at IS NULL').get(uid) as EnterpriseRow | undefined;
  if (!row) return false;
  const stamp = tombstoneStamp(actor, clock);
  db.prepare('UPDATE enterprises SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
    ...stamp,
    id: row.id,
  });
  db.prepare(
    'UPDATE enterprise_exposure SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE enterprise_uid = @uid AND deleted_at IS NULL',
  ).run({ ...stamp, uid });
  recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'enterprise', entityId: row.id, entityUid: row.uid, before: auditView(row) });
  return true;
}
