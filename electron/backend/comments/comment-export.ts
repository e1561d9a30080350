import type { ChannelParsedInput, CommentStatus, ExportedFile } from '../../../shared/contract';
import { Packer } from 'docx';
import { todayOf } from '../../../shared/domain/clock';
import type { BackendContext } from '../context';
import { getComment } from './comment-read';
import { requireFinishedText } from './comment-transitions';
import { requireComment } from './comment-store';
import { fileNamePart, writeExport } from './export-file';
import { buildCommentLetter, type LetterModel } from './letter-docx';

/** Status words as the Chinese internal version prints them. */
const STATUS_ZH: Record<CommentStatus, string> = {
  draft: '草稿',
  in_review: '审核中',
  approved: '已批准',
  submitted: '已提交',
  reply_received: '已收到答复',
  closed: '已结束',
};

/** The letter as a document model: English texts for 'en', Chinese texts for 'zh'. */
export function letterModel(ctx: BackendContext, id: number, language: 'en' | 'zh', date: string | undefined): { model: LetterModel; version: number } {
  const today = todayOf(ctx.clock);
  const c = getComment(ctx.db, id, today);
  const zh = language === 'zh';
  const model: LetterModel = {
    language,
    date: date ?? c.submission?.date ?? today,
    area: c.target.area,
    symbols: c.target.symbols,
    title: zh ? c.target.titleZh ?? c.target.title : c.target.title,
    memberNames: [...new Set(zh ? c.target.memberNamesZh : c.target.memberNamesEn)],
    points: c.content.points.map((p) => ({
      clause: zh ? p.clauseZh : p.clauseEn,
      concern: zh ? p.concernZh : p.concernEn,
      proposal: zh ? p.proposalZh : p.proposalEn,
      rationale: zh ? p.rationaleZh : p.rationaleEn,
    })),
    ...(zh
      ? {
          internal: {
            commentTitle: c.content.titleZh,
            finalDate: c.deadlines.finalDate,
            internalDeadline: c.deadlines.internalDeadline,
            author: c.author,
            reviewer: c.reviewer,
            status: STATUS_ZH[c.status],
            version: c.version,
          },
        }
      : {}),
  };
  return { model, version: c.version };
}

/**
 * Write the comment letter (enquiry-point English letter or Chinese internal version) as Word.
 * The store is read before the first await, so the letter is the comment as it stood at the call.
 */
export async function exportComment(ctx: BackendContext, input: ChannelParsedInput<'commentsExport'>): Promise<ExportedFile> {
  // The Chinese internal version is a working paper and may show a draft as it stands; the
  // English letter goes to the enquiry point and never carries a placeholder.
  if (input.language === 'en') requireCurrentTextFinished(ctx, input.id);
  const { model, version } = letterModel(ctx, input.id, input.language, input.date);
  const bytes = await Packer.toBuffer(buildCommentLetter(model));
  const fileName = `comment-${input.id}-v${version}-${fileNamePart(model.symbols[0] ?? '')}-${input.language}.docx`;
  return writeExport(ctx.dataDir, fileName, bytes, input.inline);
}

function requireCurrentTextFinished(ctx: BackendContext, id: number): void {
  const row = requireComment(ctx.db, id);
  requireFinishedText(ctx.db, id, row.current_version, 'cannot be written as the English letter');
}
