import crypto from 'node:crypto';
import type { ChannelParsedInput, ExportedFile, WarningLetter } from '../../../../shared/contract';
import { todayOf } from '../../../../shared/domain/clock';
import { actingAnalyst, type Actor } from '../../analysts/analysts';
import { recordAudit } from '../../audit/audit-log';
import { fileNamePart, writeExport } from '../../comments/export-file';
import type { BackendContext } from '../../context';
import { newRecordStamp } from '../../db/record-identity';
import { notFound } from '../../errors';
import { chromiumPdfRenderer } from '../../pdf/chromium-pdf';
import { getSettings } from '../../settings/settings';
import { LETTER_SELECT, warningLetter } from '../warning-read';
import { letterContent, type LetterContent } from './letter-content';
import { letterDocx } from './letter-docx';
import { letterHtml } from './letter-html';
import { letterBlocks } from './letter-layout';

export const PDF_MEDIA_TYPE = 'application/pdf';

type Format = 'docx' | 'pdf';

interface Rendered {
  content: LetterContent;
  format: Format;
  bytes: Buffer;
}

/** The letter's bytes in the format asked for, from one set of blocks. */
async function render(ctx: BackendContext, content: LetterContent, format: Format): Promise<Buffer> {
  const blocks = letterBlocks(content);
  if (format === 'docx') return letterDocx(blocks);
  const pdf = ctx.pdf ?? chromiumPdfRenderer();
  return pdf(letterHtml(blocks));
}

/** warning-letter-<year>-<N>-<credit code>: the year and number the letter prints (its numbering counts these names). */
function fileNameOf(content: LetterContent, format: Format): string {
  const serial = /第(\d+)号/.exec(content.number)?.[1] ?? '0';
  return `warning-letter-${content.date.slice(0, 4)}-${serial}-${fileNamePart(content.creditCode)}.${format}`;
}

function readLetter(ctx: BackendContext, uid: string): WarningLetter {
  const row = ctx.db.prepare(`${LETTER_SELECT} WHERE l.uid = ? AND l.deleted_at IS NULL`).get(uid) as Parameters<typeof warningLetter>[0] | undefined;
  if (!row) throw notFound('warning letter', uid);
  return warningLetter(row);
}

/**
 * Write the files, then record every letter in one transaction: a letter row with the file's
 * digest, a 'letter' line in the history of each warning it covers, and the audit entry.
 */
function record(ctx: BackendContext, actor: Actor, rendered: readonly Rendered[], inline: boolean): Array<{ letter: WarningLetter; file: ExportedFile }> {
  const files = rendered.map((r) => {
    const file = writeExport(ctx.dataDir, fileNameOf(r.content, r.format), r.bytes, inline);
    return r.format === 'pdf' ? { ...file, mediaType: PDF_MEDIA_TYPE } : file;
  });
  const insert = ctx.db.prepare(
    `INSERT INTO warning_letters (uid, created_at, created_by, updated_at, updated_by, enterprise_uid, warning_uids, symbols, format, file_name, file_sha256)
     VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @enterprise_uid, @warning_uids, @symbols, @format, @file_name, @file_sha256)`,
  );
  const history = ctx.db.prepare("INSERT INTO warning_history (warning_uid, at, actor_id, kind, note) VALUES (?, ?, ?, 'letter', ?)");
  const uids = ctx.db.transaction(() =>
    rendered.map((r, i) => {
      const stamp = newRecordStamp(actor, ctx.clock);
      const warningUids = r.content.measures.map((m) => m.warningUid);
      const symbols = [...new Set(r.content.measures.flatMap((m) => m.symbols))];
      const sha256 = crypto.createHash('sha256').update(r.bytes).digest('hex');
      const fileName = files[i]!.fileName;
      const { lastInsertRowid } = insert.run({
        ...stamp,
        enterprise_uid: r.content.enterpriseUid,
        warning_uids: JSON.stringify(warningUids),
        symbols: JSON.stringify(symbols),
        format: r.format,
        file_name: fileName,
        file_sha256: sha256,
      });
      for (const w of warningUids) history.run(w, stamp.created_at, actor.uid, `${r.content.number}（${r.format === 'pdf' ? 'PDF' : 'Word'}）`);
      recordAudit(ctx.db, {
        at: ctx.clock.now(),
        actor,
        action: 'create',
        entity: 'warningLetter',
        entityId: Number(lastInsertRowid),
        entityUid: stamp.uid,
        after: { number: r.content.number, enterpriseUid: r.content.enterpriseUid, warningUids, symbols, format: r.format, fileName, sha256 },
      });
      return stamp.uid;
    }),
  )();
  return uids.map((uid, i) => ({ letter: readLetter(ctx, uid), file: files[i]! }));
}

function contentFor(ctx: BackendContext, actor: Actor, enterpriseUid: string, warningUids: readonly string[] | undefined, offset: number): LetterContent {
  const settings = getSettings(ctx.db);
  const content = letterContent(ctx.db, { enterpriseUid, today: todayOf(ctx.clock), analystName: actor.name, contact: settings.letterContact, ...(warningUids ? { warningUids } : {}) });
  if (offset === 0) return content;
  // A batch numbers its letters one after another before any of them is recorded.
  const n = Number(/第(\d+)号/.exec(content.number)?.[1] ?? '1') + offset;
  return { ...content, number: content.number.replace(/第\d+号/, `第${n}号`) };
}

/** One letter to one enterprise (the store is read before the first await). */
export async function makeLetter(ctx: BackendContext, input: ChannelParsedInput<'warningLettersMake'>): Promise<{ letter: WarningLetter; file: ExportedFile }> {
  const actor = actingAnalyst(ctx.db);
  const content = contentFor(ctx, actor, input.enterpriseUid, input.warningUids, 0);
  const bytes = await render(ctx, content, input.format);
  return record(ctx, actor, [{ content, format: input.format, bytes }], input.inline)[0]!;
}

/**
 * A letter to every enterprise with an open red or orange warning on the measure the
 * notification belongs to, each covering those warnings. The measure is found through the
 * warnings themselves (their key is the engine's: family or base symbol), so a letter for an
 * addendum's notification reaches the enterprises warned about its base. None: an empty list.
 */
export async function makeBatch(ctx: BackendContext, input: ChannelParsedInput<'warningLettersBatch'>): Promise<Array<{ letter: WarningLetter; file: ExportedFile }>> {
  const actor = actingAnalyst(ctx.db);
  const notification = ctx.db.prepare('SELECT symbol FROM notifications WHERE id = ?').get(input.notificationId) as { symbol: string } | undefined;
  if (!notification) throw notFound('notification', input.notificationId);
  const rows = ctx.db
    .prepare(
      `SELECT w.uid, w.target_key FROM warnings w JOIN enterprises e ON e.uid = w.target_key AND e.deleted_at IS NULL
       WHERE w.target_kind = 'enterprise' AND w.deleted_at IS NULL AND w.state <> 'closed' AND w.level IN ('red', 'orange')
         AND w.measure_key IN (
           SELECT m.measure_key FROM warnings m
           WHERE m.notification_id = @id OR EXISTS (SELECT 1 FROM json_each(m.symbols) j WHERE j.value = @symbol))
       ORDER BY e.name, w.score DESC`,
    )
    .all({ id: input.notificationId, symbol: notification.symbol }) as Array<{ uid: string; target_key: string }>;
  const byEnterprise = new Map<string, string[]>();
  for (const r of rows) byEnterprise.set(r.target_key, [...(byEnterprise.get(r.target_key) ?? []), r.uid]);
  const contents = [...byEnterprise].map(([enterpriseUid, warningUids], i) => contentFor(ctx, actor, enterpriseUid, warningUids, i));
  const rendered: Rendered[] = [];
  // One after another: each PDF is a browser process, and two cores are shared.
  for (const content of contents) rendered.push({ content, format: input.format, bytes: await render(ctx, content, input.format) });
  return rendered.length === 0 ? [] : record(ctx, actor, rendered, input.inline);
}
