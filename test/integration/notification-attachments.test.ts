import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { insertNotifications, minimalPdf } from '../helpers/notification-fixtures';
import { actAs } from '../helpers/acting';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let ids: Record<string, number>;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  actAs(backend, '张敏');
  ids = insertNotifications(backend.ctx.db, [
    { symbol: 'G/TBT/N/SAU/1320', title: 'EV charging' },
    { symbol: 'G/TBT/N/ARE/610', title: 'EV charging' },
  ]);
});
afterEach(() => env.cleanup());

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const stage = (name: string, bytes: Buffer) => backend.ctx.staging.addUpload(name, bytes).fileRef;
const blobFile = (hash: string) => path.join(env.dir, 'attachments', hash.slice(0, 2), hash);
const saudi = () => ids['G/TBT/N/SAU/1320']!;
const uae = () => ids['G/TBT/N/ARE/610']!;

async function docxBytes(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph('GSO draft — electric vehicles, test methods')] }] });
  return Packer.toBuffer(doc);
}

describe('attachments', () => {
  it('stores a PDF by content hash and lists it on the notification', () => {
    const pdf = minimalPdf('GSO 2700');
    const fileRef = stage('GSO draft.pdf', pdf);
    const { attachment, alreadyAttached } = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef });
    expect(alreadyAttached).toBe(false);
    expect(attachment).toMatchObject({
      notificationId: saudi(),
      fileName: 'GSO draft.pdf',
      sha256: sha256(pdf),
      size: pdf.length,
      mediaType: 'application/pdf',
      addedBy: '张敏',
    });
    expect(fs.readFileSync(blobFile(attachment.sha256)).equals(pdf)).toBe(true);
    expect(backend.call('notificationsGet', { id: saudi() }).attachments).toEqual([attachment]);
    // The staged upload is consumed.
    expect(() => backend.ctx.staging.resolve(fileRef)).toThrow();
    const audit = backend.call('auditList', { entity: 'notification', entityId: String(saudi()) });
    expect(audit[0]).toMatchObject({ action: 'attach', after: { fileName: 'GSO draft.pdf', sha256: sha256(pdf) } });
  });

  it('accepts a Word document', async () => {
    const bytes = await docxBytes();
    const { attachment } = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('译文.docx', bytes) });
    expect(attachment).toMatchObject({
      fileName: '译文.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sha256: sha256(bytes),
    });
  });

  it('returns the existing attachment for the same file twice and stores shared content once', () => {
    const pdf = minimalPdf();
    const first = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('a.pdf', pdf) });
    const again = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('renamed.pdf', pdf) });
    expect(again).toEqual({ attachment: first.attachment, alreadyAttached: true });
    const other = backend.call('attachmentsAdd', { notificationId: uae(), fileRef: stage('a.pdf', pdf) });
    expect(other.alreadyAttached).toBe(false);
    expect(other.attachment.id).not.toBe(first.attachment.id);
    const shard = path.dirname(blobFile(first.attachment.sha256));
    expect(fs.readdirSync(shard)).toEqual([first.attachment.sha256]);
    expect(backend.call('auditList', { entity: 'notification', entityId: String(saudi()) })).toHaveLength(1);
  });

  it('refuses an executable renamed to .pdf and says which types are allowed', () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200), Buffer.from('This program cannot be run in DOS mode.')]);
    const r = backend.invoke('attachmentsAdd', { notificationId: saudi(), fileRef: stage('notice.pdf', exe) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/PDF, DOCX, DOC, XLSX, TXT, HTML/);
    expect(backend.invoke('attachmentsAdd', { notificationId: saudi(), fileRef: stage('tool.exe', exe) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(fs.existsSync(path.join(env.dir, 'attachments'))).toBe(false);
    expect(backend.call('notificationsGet', { id: saudi() }).attachments).toEqual([]);
  });

  it('refuses files over 100 MB before reading them', () => {
    const big = path.join(env.dir, 'huge.pdf');
    fs.writeFileSync(big, '%PDF-1.4\n');
    fs.truncateSync(big, 101 * 1024 * 1024); // sparse: costs no disk space
    const { fileRef } = backend.ctx.staging.addPath(big);
    expect(backend.invoke('attachmentsAdd', { notificationId: saudi(), fileRef })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('100 MB') },
    });
  });

  it('deletes the stored file only when no attachment refers to it any more', () => {
    const pdf = minimalPdf();
    const a = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('a.pdf', pdf) }).attachment;
    const b = backend.call('attachmentsAdd', { notificationId: uae(), fileRef: stage('b.pdf', pdf) }).attachment;
    expect(backend.call('attachmentsRemove', { id: a.id })).toEqual({ id: a.id, blobDeleted: false });
    expect(fs.existsSync(blobFile(a.sha256))).toBe(true);
    expect(backend.call('notificationsGet', { id: saudi() }).attachments).toEqual([]);
    expect(backend.call('attachmentsRemove', { id: b.id })).toEqual({ id: b.id, blobDeleted: true });
    expect(fs.existsSync(blobFile(a.sha256))).toBe(false);
    expect(backend.invoke('attachmentsRemove', { id: b.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = backend.call('auditList', { entity: 'notification', entityId: String(uae()) });
    expect(audit[0]).toMatchObject({ action: 'detach', before: { fileName: 'b.pdf' } });
  });

  it('opens a copy under the attachments folder whose content matches the stored hash', () => {
    const pdf = minimalPdf('open me');
    const { attachment } = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('GSO: draft?.pdf', pdf) });
    const opened = backend.call('attachmentsOpen', { id: attachment.id });
    expect(path.resolve(opened.path).startsWith(path.join(env.dir, 'attachments') + path.sep)).toBe(true);
    expect(path.extname(opened.path)).toBe('.pdf');
    expect(sha256(fs.readFileSync(opened.path))).toBe(attachment.sha256);
    // Opening again reuses the checked copy.
    expect(backend.call('attachmentsOpen', { id: attachment.id }).path).toBe(opened.path);
  });

  it('refuses to open a stored file that was damaged or removed', () => {
    const pdf = minimalPdf();
    const { attachment } = backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('a.pdf', pdf) });
    fs.writeFileSync(blobFile(attachment.sha256), Buffer.concat([pdf, Buffer.from('tampered')]));
    expect(backend.invoke('attachmentsOpen', { id: attachment.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    fs.rmSync(blobFile(attachment.sha256));
    expect(backend.invoke('attachmentsOpen', { id: attachment.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Attaching the same file again repairs the store.
    backend.call('attachmentsAdd', { notificationId: saudi(), fileRef: stage('a.pdf', pdf) });
    expect(sha256(fs.readFileSync(backend.call('attachmentsOpen', { id: attachment.id }).path))).toBe(attachment.sha256);
  });

  it('refuses a file reference nobody staged and a missing notification', () => {
    expect(backend.invoke('attachmentsAdd', { notificationId: saudi(), fileRef: 'a'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const fileRef = stage('a.pdf', minimalPdf());
    expect(backend.invoke('attachmentsAdd', { notificationId: 999_999, fileRef })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.invoke('attachmentsAdd', { notificationId: saudi(), fileRef: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
