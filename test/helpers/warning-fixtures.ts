import type { Database } from 'better-sqlite3';
import type { MatchQuality, MeasureStage, WarningFactor, WarningLevel, WarningMatch, WarningState } from '../../shared/contract';
import { newUid } from '../../shared/domain/uid';
import { joinList } from '../../electron/backend/warnings/warning-read';
import { testClock } from './temp-store';

/**
 * Rows written straight into the store, for tests of what reads warnings (the inbox, letters,
 * the workflow) that must not depend on the scoring engine's figures. The engine's own tests
 * make their warnings by scoring.
 */
export interface EnterpriseRowInput {
  name: string;
  creditCode: string;
  province?: string;
  city?: string;
  industry?: string;
  contacts?: Array<{ person: string; phone: string; email: string }>;
  lines?: Array<{ hsCode: string; market: string; annualExportUsd: number | null }>;
  actorUid: string;
}

export function insertEnterpriseRow(db: Database, input: EnterpriseRowInput): string {
  const clock = testClock();
  const at = clock.now().toISOString();
  const uid = newUid(clock);
  db.prepare(
    `INSERT INTO enterprises (uid, created_at, created_by, updated_at, updated_by, name, credit_code, province, city, industry, contacts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(uid, at, input.actorUid, at, input.actorUid, input.name, input.creditCode, input.province ?? '', input.city ?? '', input.industry ?? '', JSON.stringify(input.contacts ?? []));
  const line = db.prepare(
    `INSERT INTO enterprise_exposure (uid, created_at, created_by, updated_at, updated_by, enterprise_uid, hs_code, market, annual_export_usd)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of input.lines ?? []) line.run(newUid(clock), at, input.actorUid, at, input.actorUid, uid, l.hsCode, l.market, l.annualExportUsd);
  return uid;
}

export interface WarningRowInput {
  notificationId: number;
  symbols: string[];
  area?: 'TBT' | 'SPS';
  members: string[];
  enterpriseUid?: string;
  industryCode?: string;
  score: number;
  level: WarningLevel;
  match?: MatchQuality;
  stage?: MeasureStage;
  state?: WarningState;
  factors?: WarningFactor[];
  matches?: WarningMatch[];
  commentDeadline?: string | null;
  entryIntoForce?: string | null;
  valueUsd?: number | null;
  actorUid: string;
}

export function insertWarningRow(db: Database, input: WarningRowInput): string {
  const clock = testClock();
  const at = clock.now().toISOString();
  const uid = newUid(clock);
  const base = input.symbols[0] ?? '';
  db.prepare(
    `INSERT INTO warnings (uid, created_at, created_by, updated_at, updated_by, measure_key, target_kind, target_key, notification_id,
       symbols, area, members, industries, stage, score, computed_level, level, match, value_usd, factors, matches, digest,
       comment_deadline, entry_into_force, next_deadline, state, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, 'fixture', ?, ?, ?, ?, ?)`,
  ).run(
    uid,
    at,
    input.actorUid,
    at,
    input.actorUid,
    `base:${base}`,
    input.enterpriseUid ? 'enterprise' : 'industry',
    input.enterpriseUid ?? input.industryCode ?? 'ev',
    input.notificationId,
    JSON.stringify(input.symbols),
    input.area ?? 'TBT',
    joinList(input.members),
    input.stage ?? 'draft',
    input.score,
    input.level,
    input.level,
    input.match ?? 'direct',
    input.valueUsd ?? null,
    JSON.stringify(input.factors ?? []),
    JSON.stringify(input.matches ?? []),
    input.commentDeadline ?? null,
    input.entryIntoForce ?? null,
    input.commentDeadline ?? input.entryIntoForce ?? null,
    input.state ?? 'new',
    at,
  );
  return uid;
}
