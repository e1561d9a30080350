import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { actAs } from '../helpers/acting';
import { readDocx } from '../helpers/read-docx';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  actAs(backend, AUTHOR);
  ids = insertNotifications(backend.ctx.db, [
    { symbol: 'G/SPS/N/RUS/300', title: 'Maximum levels of contaminants in fish products' },
    { symbol: 'G/SPS/N/KAZ/300', title: 'Maximum levels of contaminants in fish products' },
    { symbol: 'G/TBT/N/SAU/1500', title: 'Lead-acid batteries' },
  ]);
});
afterEach(() => env.cleanup());

const aquatic = () => ({
  titleZh: '欧亚经济联盟水产品限量要求',
  titleEn: 'EAEU limits for aquatic products',
  committee: 'SPS' as const,
  memberCodes: ['RUS', 'KAZ'],
  notificationIds: [ids['G/SPS/N/RUS/300']!, ids['G/SPS/N/KAZ/300']!],
  issueZh: '新限量严于国际食品法典委员会标准，且缺乏风险评估依据。',
  issueEn: 'The new limits are stricter than the Codex standards and lack a risk assessment.',
  talkingPointsZh: ['请提供风险评估依据。', '建议采用国际食品法典标准。'],
  talkingPointsEn: ['Please share the risk assessment.', 'China invites the EAEU to align the limits with Codex standards.'],
  meeting: 'SPS Committee, March 2026',
});

describe('trade concerns', () => {
  it('round-trips a suggestion with its members, notifications and talking points', () => {
    const saved = backend.call('tradeConcernsSave', aquatic());
    expect(saved).toMatchObject({
      committee: 'SPS',
      status: 'draft',
      createdBy: AUTHOR,
      members: [
        { code: 'RUS', nameZh: '俄罗斯', nameEn: 'Russia' },
        { code: 'KAZ', nameZh: '哈萨克斯坦', nameEn: 'Kazakhstan' },
      ],
      notifications: [
        { symbol: 'G/SPS/N/RUS/300', memberCode: 'RUS', titleZh: null },
        { symbol: 'G/SPS/N/KAZ/300', memberCode: 'KAZ' },
      ],
      talkingPointsZh: ['请提供风险评估依据。', '建议采用国际食品法典标准。'],
    });
    expect(backend.call('tradeConcernsGet', { id: saved.id })).toEqual(saved);
    const reviewer = actAs(backend, REVIEWER);
    const raised = backend.call('tradeConcernsSave', { ...aquatic(), id: saved.id, status: 'raised', notificationIds: [ids['G/SPS/N/RUS/300']!] });
    expect(raised).toMatchObject({ status: 'raised', updatedBy: REVIEWER, updatedById: reviewer.uid, createdBy: AUTHOR, createdById: saved.createdById });
    expect(raised.notifications.map((n) => n.symbol)).toEqual(['G/SPS/N/RUS/300']);

    const battery = backend.call('tradeConcernsSave', {
      titleZh: '沙特铅酸蓄电池法规过渡期',
      committee: 'TBT',
      memberCodes: ['SAU'],
      notificationIds: [ids['G/TBT/N/SAU/1500']!],
      talkingPointsZh: ['建议给予不少于六个月的过渡期。'],
    });
    expect(backend.call('tradeConcernsList', {}).map((c) => c.id)).toEqual([battery.id, saved.id]);
    expect(backend.call('tradeConcernsList', { committee: 'SPS' }).map((c) => c.id)).toEqual([saved.id]);
    expect(backend.call('tradeConcernsList', { statuses: ['draft'] }).map((c) => c.id)).toEqual([battery.id]);
    expect(backend.call('tradeConcernsDelete', { id: battery.id })).toEqual({ deleted: true });
    expect(backend.call('auditList', { entity: 'trade-concern' }).map((a) => a.action)).toEqual(['delete', 'create', 'update', 'create']);
    // A deleted suggestion leaves a tombstone: out of the list and not found, kept in the table.
    expect(backend.call('tradeConcernsList', {}).map((c) => c.id)).toEqual([saved.id]);
    expect(backend.invoke('tradeConcernsGet', { id: battery.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.ctx.db.prepare('SELECT deleted_by FROM trade_concerns WHERE id = ?').pluck().get(battery.id)).toBe(reviewer.uid);
  });

  it('names members beyond the SCO list, such as the EU and the United States', () => {
    const saved = backend.call('tradeConcernsSave', {
      ...aquatic(),
      titleZh: '欧美电池法规',
      committee: 'TBT',
      memberCodes: ['EU', 'USA', 'KAZ'],
      notificationIds: [],
    });
    expect(saved.members).toEqual([
      { code: 'EU', nameZh: '欧盟', nameEn: 'European Union' },
      { code: 'USA', nameZh: '美国', nameEn: 'United States' },
      { code: 'KAZ', nameZh: '哈萨克斯坦', nameEn: 'Kazakhstan' },
    ]);
    expect(backend.call('tradeConcernsGet', { id: saved.id }).members.map((m) => m.code)).toEqual(['EU', 'USA', 'KAZ']);
  });

  it('refuses unknown members and notifications', () => {
    const cases: Array<[{ memberCodes?: string[]; notificationIds?: number[] }, RegExp]> = [
      [{ memberCodes: ['XYZ'] }, /memberCodes: XYZ: not a WTO member/],
      [{ memberCodes: ['E.U.'] }, /memberCodes\.0: expected a WTO member code/],
      [{ notificationIds: [999] }, /notificationIds: notification 999 does not exist/],
    ];
    for (const [change, message] of cases) {
      try {
        backend.call('tradeConcernsSave', { ...aquatic(), ...change });
        throw new Error('expected a refusal');
      } catch (e) {
        expect((e as ApiError).code).toBe('VALIDATION');
        expect((e as ApiError).message).toMatch(message);
      }
    }
  });

  it('exports suggestions as one Word document with Chinese and English talking points', async () => {
    const a = backend.call('tradeConcernsSave', aquatic());
    const b = backend.call('tradeConcernsSave', {
      titleZh: '沙特铅酸蓄电池法规过渡期',
      titleEn: 'Transition period of the Saudi lead-acid battery regulation',
      committee: 'TBT',
      memberCodes: ['SAU'],
      issueEn: 'Six months are too short.',
      talkingPointsEn: ['China asks for a transition period of at least twelve months.'],
    });
    const file = await backend.callAsync('tradeConcernsExport', { ids: [a.id, b.id], date: '2026-02-10', inline: true });
    expect(file.fileName).toBe('trade-concerns-2-2026-02-10.docx');
    const text = (await readDocx(Buffer.from(file.base64 ?? '', 'base64'))).paragraphs;
    expect(text[0]).toBe('关于在世贸组织相关委员会提出特别贸易关注的建议');
    expect(text).toContain('2026年2月10日');
    expect(text).toContain('一、欧亚经济联盟水产品限量要求');
    expect(text).toContain('二、沙特铅酸蓄电池法规过渡期');
    expect(text).toContain('会议：SPS Committee, March 2026');
    expect(text).toContain('涉及成员：俄罗斯（Russia）、哈萨克斯坦（Kazakhstan）');
    expect(text.some((p) => p.startsWith('G/SPS/N/RUS/300'))).toBe(true);
    const zhPoints = text.indexOf('发言要点（中文）：');
    const enPoints = text.indexOf('Talking points (English):');
    expect(text.slice(zhPoints + 1, zhPoints + 3)).toEqual(['1. 请提供风险评估依据。', '2. 建议采用国际食品法典标准。']);
    expect(text[enPoints + 1]).toBe('1. Please share the risk assessment.');
    expect(enPoints).toBeGreaterThan(zhPoints);
    expect(text).toContain('1. China asks for a transition period of at least twelve months.');
  });
});
