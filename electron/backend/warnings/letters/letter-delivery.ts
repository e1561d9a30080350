import type { ChannelParsedInput, WarningLetter } from '../../../../shared/contract';
import { todayOf } from '../../../../shared/domain/clock';
import { actingAnalyst } from '../../analysts/analysts';
import { recordAudit } from '../../audit/audit-log';
import type { BackendContext } from '../../context';
import { changeStamp } from '../../db/record-identity';
import { AppError, notFound } from '../../errors';
import { LETTER_SELECT, warningLetter } from '../warning-read';

type LetterRow = Parameters<typeof warningLetter>[0] & { id: number };

function requireLetter(ctx: BackendContext, uid: string): LetterRow {
  const row = ctx.db.prepare(`SELECT l.id, q.* FROM warning_letters l JOIN (${LETTER_SELECT}) q ON q.uid = l.uid WHERE l.uid = ? AND l.deleted_at IS NULL`).get(uid) as
    | LetterRow
    | undefined;
  if (!row) throw notFound('warning letter', uid);
  return row;
}

function notAfterToday(ctx: BackendContext, date: string, what: string): void {
  const today = todayOf(ctx.clock);
  if (date > today) throw new AppError('VALIDATION', `${what} ${date} is after today (${today})`, { field: 'date', date, today });
}

/** The letters of an enterprise, or that cover a warning, or all of them; newest first. */
export function listLetters(ctx: BackendContext, input: ChannelParsedInput<'warningLettersList'>): WarningLetter[] {
  const where = ['l.deleted_at IS NULL'];
  const params: string[] = [];
  if (input.enterpriseUid) {
    where.push('l.enterprise_uid = ?');
    params.push(input.enterpriseUid);
  }
  if (input.warningUid) {
    where.push('EXISTS (SELECT 1 FROM json_each(l.warning_uids) j WHERE j.value = ?)');
    params.push(input.warningUid);
  }
  const rows = ctx.db.prepare(`${LETTER_SELECT} WHERE ${where.join(' AND ')} ORDER BY l.id DESC`).all(...params) as LetterRow[];
  return rows.map(warningLetter);
}

/** Record how and when the letter reached the enterprise (a correction replaces it; audited). */
export function recordDelivery(ctx: BackendContext, input: ChannelParsedInput<'warningLettersRecordDelivery'>): WarningLetter {
  const actor = actingAnalyst(ctx.db);
  return ctx.db.transaction(() => {
    const before = requireLetter(ctx, input.uid);
    notAfterToday(ctx, input.date, 'the delivery date');
    if (before.acknowledged_on !== null && before.acknowledged_on < input.date) {
      throw new AppError('VALIDATION', `the delivery date ${input.date} is after the acknowledgement recorded on ${before.acknowledged_on}`, { field: 'date' });
    }
    ctx.db
      .prepare('UPDATE warning_letters SET delivered_on = ?, delivery_channel = ?, delivery_note = ?, delivered_by = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(input.date, input.channel, input.note, actor.uid, ...Object.values(changeStamp(actor, ctx.clock)), before.id);
    const after = requireLetter(ctx, input.uid);
    recordAudit(ctx.db, {
      at: ctx.clock.now(),
      actor,
      action: 'deliver',
      entity: 'warningLetter',
      entityId: before.id,
      entityUid: before.uid,
      before: { date: before.delivered_on, channel: before.delivery_channel, note: before.delivery_note },
      after: { date: input.date, channel: input.channel, note: input.note },
    });
    return warningLetter(after);
  })();
}

/** Record that the enterprise confirmed it received the letter; only after a recorded delivery. */
export function recordAcknowledgement(ctx: BackendContext, input: ChannelParsedInput<'warningLettersRecordAcknowledgement'>): WarningLetter {
  const actor = actingAnalyst(ctx.db);
  return ctx.db.transaction(() => {
    const before = requireLetter(ctx, input.uid);
    if (before.delivered_on === null) {
      throw new AppError('VALIDATION', 'record how the letter was delivered before its acknowledgement', { field: 'date', uid: input.uid });
    }
    notAfterToday(ctx, input.date, 'the acknowledgement date');
    if (input.date < before.delivered_on) {
      throw new AppError('VALIDATION', `the acknowledgement date ${input.date} is before the delivery on ${before.delivered_on}`, { field: 'date' });
    }
    ctx.db
      .prepare('UPDATE warning_letters SET acknowledged_on = ?, ack_note = ?, acknowledged_by = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(input.date, input.note, actor.uid, ...Object.values(changeStamp(actor, ctx.clock)), before.id);
    recordAudit(ctx.db, {
      at: ctx.clock.now(),
      actor,
      action: 'acknowledge',
      entity: 'warningLetter',
      entityId: before.id,
      entityUid: before.uid,
      before: { date: before.acknowledged_on, note: before.ack_note },
      after: { date: input.date, note: input.note },
    });
    return warningLetter(requireLetter(ctx, input.uid));
  })();
}
