import type { Database } from 'better-sqlite3';
import { parseSymbol } from '../../../shared/domain/symbol';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp } from '../db/record-identity';
import { assignedAnalystUid } from '../notifications/assigned-analyst';
import { assignFamilies } from '../notifications/families';
import { updateSettings } from '../settings/settings';
import { runWarningPass } from '../warnings/engine';
import { loadDemoComments } from './demo-comments';
import { loadDemoEnterprises } from './demo-enterprises';
import { DEMO_MARK, DEMO_NOTIFICATIONS } from './demo-data';

function isoDaysFrom(today: Date, days: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export function isDemoLoaded(db: Database): boolean {
  return db.prepare("SELECT 1 FROM notifications WHERE source = 'demo' LIMIT 1").get() !== undefined;
}

/** Load the demo data set once; a second call changes nothing. Its dates count from `today`. */
export function loadDemo(db: Database, actor: Actor, clock: Clock): { notifications: number; alreadyLoaded: boolean } {
  const today = clock.now();
  return db.transaction(() => {
    if (isDemoLoaded(db)) return { notifications: 0, alreadyLoaded: true };
    const now = today.toISOString();
    const insert = db.prepare(`
      INSERT INTO notifications (symbol, area, member_code, base_symbol, doc_type, title, description, products,
        hs_codes, ics_codes, keywords, objectives, notification_type, distribution_date, comment_deadline,
        document_links, parent_symbol, member_name, source, created_at, updated_at)
      VALUES (@symbol, @area, @member, @base, @docType, @title, @description, @products, @hs, @ics, @keywords,
        @objectives, @notificationType, @distributed, @deadline, '[]', @parent,
        coalesce((SELECT coalesce(eping_name, name_en) FROM countries WHERE code = @member), @member), 'demo', @now, @now)`);
    const translate = db.prepare(`
      INSERT INTO notification_translations (notification_id, title_zh, description_zh, translator_uid, status,
        uid, created_at, created_by, updated_at, updated_by)
      VALUES (@id, @titleZh, '', @translator, 'reviewed', @uid, @created_at, @created_by, @updated_at, @updated_by)`);
    const translator = assignedAnalystUid(db, actor, '示例', clock);
    const ids: number[] = [];
    let count = 0;
    for (const n of DEMO_NOTIFICATIONS) {
      for (const raw of n.symbols) {
        const parsed = parseSymbol(raw);
        if (!parsed) throw new Error(`Demo symbol ${raw} does not parse`);
        const id = Number(insert.run({
          symbol: parsed.symbol,
          area: parsed.area,
          member: parsed.member,
          base: parsed.base,
          parent: parsed.parent,
          docType: parsed.docType,
          title: n.title,
          description: `${DEMO_MARK} ${n.description}`,
          products: n.products,
          hs: JSON.stringify(n.hsCodes),
          ics: JSON.stringify(n.icsCodes),
          keywords: JSON.stringify(n.keywords),
          objectives: JSON.stringify(n.objectives),
          notificationType: n.notificationType,
          distributed: isoDaysFrom(today, -n.distributedDaysAgo),
          deadline: n.commentDays === null ? null : isoDaysFrom(today, n.commentDays - n.distributedDaysAgo),
          now,
        }).lastInsertRowid);
        translate.run({ id, titleZh: n.titleZh, translator, ...newRecordStamp(actor, clock) });
        ids.push(id);
        count += 1;
      }
    }
    assignFamilies(db, ids);
    loadDemoComments(db, today);
    const enterprises = loadDemoEnterprises(db, actor, clock);
    // The demo enterprises meet the demo notifications: their warnings are there from the start.
    runWarningPass(db, { kind: 'all' }, { actor, clock });
    recordAudit(db, { at: today, actor, action: 'load-demo', entity: 'dataset', entityId: 'demo', after: { notifications: count, enterprises } });
    updateSettings(db, actor, { demoOffered: true }, clock);
    return { notifications: count, alreadyLoaded: false };
  })();
}
