import type { Database } from 'better-sqlite3';

type CountRow = Record<string, string | number>;

/** One list of rows per counts table. */
export interface CountTables {
  months: CountRow[];
  chapters: CountRow[];
  memberChapters: CountRow[];
}

/** The rows of migration 0230's counts tables, in key order. */
export function countTables(db: Database): CountTables {
  return {
    months: db.prepare('SELECT month, member_code, area, n FROM notification_month_counts ORDER BY 1, 2, 3').all() as CountRow[],
    chapters: db.prepare('SELECT month, area, chapter, n FROM notification_chapter_counts ORDER BY 1, 2, 3').all() as CountRow[],
    memberChapters: db
      .prepare('SELECT member_code, month, area, chapter, n FROM notification_member_chapter_counts ORDER BY 1, 2, 3, 4')
      .all() as CountRow[],
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same counts computed here from the notification rows: by month (of distribution), member
 * and area; by HS chapter, the first two characters of each code once trimmed of spaces and
 * stripped of dots, spaces and dashes, counted once per notification.
 */
export function recountTables(db: Database): CountTables {
  const rows = db.prepare('SELECT member_code, area, distribution_date, hs_codes FROM notifications').all() as Array<{
    member_code: string;
    area: string;
    distribution_date: string | null;
    hs_codes: string;
  }>;
  const months = new Map<string, number>();
  const chapters = new Map<string, number>();
  const memberChapters = new Map<string, number>();
  const add = (map: Map<string, number>, key: string[]): void => {
    const k = JSON.stringify(key);
    map.set(k, (map.get(k) ?? 0) + 1);
  };
  for (const r of rows) {
    if (r.distribution_date === null) continue;
    const month = r.distribution_date.slice(0, 7);
    add(months, [month, r.member_code, r.area]);
    let codes: unknown[] = [];
    try {
      codes = JSON.parse(r.hs_codes) as unknown[];
    } catch {
      // Not JSON: no codes, as the list filter reads it.
    }
    const own = new Set(codes.map((c) => String(c).trim().replace(/[. -]/g, '')).filter((c) => c.length >= 2).map((c) => c.slice(0, 2)));
    for (const chapter of own) {
      add(chapters, [month, r.area, chapter]);
      add(memberChapters, [r.member_code, month, r.area, chapter]);
    }
  }
  const table = (map: Map<string, number>, names: string[]): CountRow[] =>
    [...map]
      .map(([k, n]) => ({ key: JSON.parse(k) as string[], n }))
      .sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) {
          const c = compare(a.key[i]!, b.key[i]!);
          if (c) return c;
        }
        return 0;
      })
      .map(({ key, n }) => ({ ...Object.fromEntries(names.map((name, i) => [name, key[i]!])), n }));
  return {
    months: table(months, ['month', 'member_code', 'area']),
    chapters: table(chapters, ['month', 'area', 'chapter']),
    memberChapters: table(memberChapters, ['member_code', 'month', 'area', 'chapter']),
  };
}
