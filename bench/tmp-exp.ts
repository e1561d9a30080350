import fs from 'node:fs';
import v8 from 'node:v8';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackend } from '../electron/backend/backend';
import { toImportedRow } from '../electron/backend/imports/write-notifications';
import { toSearchText } from '../shared/domain/search-text';
import type { ImportEvent, ParsedNotification } from '../electron/backend/notifications/import/types';
const events = v8.deserialize(fs.readFileSync('/tmp/prof/events.bin')) as ImportEvent[];
const recs = events.filter((e) => e.kind === 'record').map((e) => (e as { record: ParsedNotification }).record);
const mode = new Set((process.env.MODE ?? '').split(','));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-'));
const backend = await startBackend({ dataDir: dir, appVersion: 'x' });
const db = backend.ctx.db;
db.pragma('cache_size = -' + (process.env.CACHE ?? '65536'));
const objs = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name='notifications' AND type IN ('index','trigger') AND sql IS NOT NULL").all() as any[];
if (process.env.HASH) db.prepare("INSERT INTO notifications_fts(notifications_fts, rank) VALUES('hashsize', ?)").run(Number(process.env.HASH));
if (process.env.AUTOMERGE) db.prepare("INSERT INTO notifications_fts(notifications_fts, rank) VALUES('automerge', ?)").run(Number(process.env.AUTOMERGE));
if (process.env.NOCKPT) db.pragma('wal_autocheckpoint = 0');
db.exec('CREATE TEMP TABLE codes_tmp (notification_id INTEGER, kind TEXT, code TEXT)');
const tcode = db.prepare('INSERT INTO temp.codes_tmp VALUES (?,?,?)');
db.exec('BEGIN');
for (const o of objs) if (o.type === 'trigger' || !mode.has('liveidx')) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
const F = ['area','member_code','member_name','base_symbol','parent_symbol','doc_type','title','description','products','hs_codes','ics_codes','keywords','objectives','notification_type','distribution_date','comment_deadline','document_links','link_en','link_fr','link_es','proposed_adoption','proposed_entry_into_force','countries_affected','joint_symbols'];
const ins = db.prepare(`INSERT INTO notifications (symbol, source, created_at, updated_at, content_hash, ${F.join(',')}) VALUES (?, 'eping', 'now', 'now', 'h', ${F.map(() => '?').join(',')})`);
const fts = db.prepare('INSERT INTO notifications_fts (rowid, symbol, title, description, products, keywords, zh) VALUES (?,?,?,?,?,?,?)');
const codeLive = db.prepare('INSERT OR IGNORE INTO notification_codes (notification_id, kind, code) VALUES (?,?,?)');
const prepared = recs.map((r) => { const row = toImportedRow(r) as any; return [r.symbol, ...F.map((f) => row[f])]; });
let t = performance.now();
const texts = mode.has('fts') ? recs.map((r) => [toSearchText(r.title), toSearchText(r.description), toSearchText(r.products + ' ' + JSON.stringify(r.hsCodes) + ' ' + JSON.stringify(r.icsCodes)), toSearchText(JSON.stringify(r.keywords) + ' ' + JSON.stringify(r.objectives))]) : [];
console.log('search text JS ms', Math.round(performance.now() - t));
const codes: Array<[number, string, string]> = [];
t = performance.now();
for (let i = 0; i < prepared.length; i++) {
  const id = Number(ins.run(...prepared[i]!).lastInsertRowid);
  if (mode.has('fts')) fts.run(id, recs[i]!.symbol, ...texts[i]!, '');
  if (mode.has('codes') || mode.has('sortcodes')) { const code = mode.has('codes') ? codeLive : tcode; const r = recs[i]!; for (const h of r.hsCodes) code.run(id, 'hs', h.replace(/[.\s-]/g, '')); for (const c of r.icsCodes) code.run(id, 'ics', c); for (const k of r.keywords) code.run(id, 'keyword', k.toLowerCase()); for (const o of r.objectives) code.run(id, 'objective', o.toLowerCase()); }
}
console.log('loop ms', Math.round(performance.now() - t));
if (mode.has('sortcodes')) { t = performance.now(); db.exec('INSERT OR IGNORE INTO notification_codes (kind, code, notification_id) SELECT kind, code, notification_id FROM temp.codes_tmp ORDER BY 1,2,3'); console.log('sorted codes ms', Math.round(performance.now() - t)); }
if (mode.has('idx')) { t = performance.now(); for (const o of objs) if (o.type === 'index') db.exec(o.sql); console.log('index ms', Math.round(performance.now() - t)); }
t = performance.now(); db.exec('COMMIT'); console.log('commit ms', Math.round(performance.now() - t));
console.log(db.prepare("SELECT name, sum(pgsize)>>20 AS mb FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 4").all());
backend.close(); fs.rmSync(dir, { recursive: true });
