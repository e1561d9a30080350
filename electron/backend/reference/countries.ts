import type { Database } from 'better-sqlite3';
import type { Country } from '../../../shared/contract';
import { notFound } from '../errors';
import { recordAudit } from '../audit/audit-log';
import { actingAnalyst } from '../analysts/analysts';

interface CountryRow {
  code: string;
  name_zh: string;
  name_en: string;
  eping_name: string | null;
  sco_status: 'member' | 'partner' | null;
  wto_member: number;
  blocs: string | null;
}

const SELECT = `
  SELECT c.*, (SELECT group_concat(bloc, ',') FROM country_blocs b WHERE b.country_code = c.code) AS blocs
  FROM countries c`;

function toCountry(r: CountryRow): Country {
  return {
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    epingName: r.eping_name,
    scoStatus: r.sco_status,
    wtoMember: r.wto_member === 1,
    blocs: r.blocs ? (r.blocs.split(',').sort() as Country['blocs']) : [],
  };
}

const zhCollator = new Intl.Collator('zh');

/** Countries sorted by the pinyin of their Chinese names, as analysts expect. */
export function listCountries(db: Database): Country[] {
  const rows = db.prepare(SELECT).all() as CountryRow[];
  return rows.map(toCountry).sort((a, b) => zhCollator.compare(a.nameZh, b.nameZh));
}

export function getCountry(db: Database, code: string): Country {
  const row = db.prepare(`${SELECT} WHERE c.code = ?`).get(code) as CountryRow | undefined;
  if (!row) throw notFound('country', code);
  return toCountry(row);
}

export function updateCountry(
  db: Database,
  input: Partial<Pick<Country, 'nameZh' | 'nameEn' | 'epingName' | 'scoStatus' | 'blocs'>> & { code: string },
  now: Date,
): Country {
  return db.transaction(() => {
    const before = getCountry(db, input.code);
    const next = { ...before, ...input };
    db.prepare(
      'UPDATE countries SET name_zh = ?, name_en = ?, eping_name = ?, sco_status = ? WHERE code = ?',
    ).run(next.nameZh, next.nameEn, next.epingName, next.scoStatus, input.code);
    if (input.blocs) {
      db.prepare('DELETE FROM country_blocs WHERE country_code = ?').run(input.code);
      const ins = db.prepare('INSERT INTO country_blocs (country_code, bloc) VALUES (?, ?)');
      for (const bloc of new Set(input.blocs)) ins.run(input.code, bloc);
    }
    const after = getCountry(db, input.code);
    recordAudit(db, { at: now, actor: actingAnalyst(db), action: 'update', entity: 'country', entityId: input.code, before, after });
    return after;
  })();
}
