import type { Migration } from '../migration';

// Seed as of the 2025 Tianjin summit. Frozen here: later changes are edits to the table, made
// by analysts in Settings or by a later migration, never by editing this list.
const SEED: Array<[code: string, zh: string, en: string, eping: string | null, status: 'member' | 'partner' | null, wto: 0 | 1, blocs: string[]]> = [
  ['CHN', '中国', 'China', 'China', 'member', 1, []],
  ['RUS', '俄罗斯', 'Russia', 'Russian Federation', 'member', 1, ['EAEU']],
  ['KAZ', '哈萨克斯坦', 'Kazakhstan', 'Kazakhstan', 'member', 1, ['EAEU']],
  ['KGZ', '吉尔吉斯斯坦', 'Kyrgyzstan', 'Kyrgyz Republic', 'member', 1, ['EAEU']],
  ['TJK', '塔吉克斯坦', 'Tajikistan', 'Tajikistan', 'member', 1, []],
  ['IND', '印度', 'India', 'India', 'member', 1, []],
  ['PAK', '巴基斯坦', 'Pakistan', 'Pakistan', 'member', 1, []],
  ['UZB', '乌兹别克斯坦', 'Uzbekistan', null, 'member', 0, []],
  ['IRN', '伊朗', 'Iran', null, 'member', 0, []],
  ['BLR', '白俄罗斯', 'Belarus', null, 'member', 0, ['EAEU']],
  ['AFG', '阿富汗', 'Afghanistan', 'Afghanistan', 'partner', 1, []],
  ['MNG', '蒙古', 'Mongolia', 'Mongolia', 'partner', 1, []],
  ['ARM', '亚美尼亚', 'Armenia', 'Armenia', 'partner', 1, ['EAEU']],
  ['BHR', '巴林', 'Bahrain', 'Bahrain, Kingdom of', 'partner', 1, ['GCC']],
  ['EGY', '埃及', 'Egypt', 'Egypt', 'partner', 1, []],
  ['KHM', '柬埔寨', 'Cambodia', 'Cambodia', 'partner', 1, []],
  ['QAT', '卡塔尔', 'Qatar', 'Qatar', 'partner', 1, ['GCC']],
  ['KWT', '科威特', 'Kuwait', 'Kuwait, the State of', 'partner', 1, ['GCC']],
  ['MDV', '马尔代夫', 'Maldives', 'Maldives', 'partner', 1, []],
  ['MMR', '缅甸', 'Myanmar', 'Myanmar', 'partner', 1, []],
  ['NPL', '尼泊尔', 'Nepal', 'Nepal', 'partner', 1, []],
  ['ARE', '阿联酋', 'United Arab Emirates', 'United Arab Emirates', 'partner', 1, ['GCC']],
  ['SAU', '沙特阿拉伯', 'Saudi Arabia', 'Saudi Arabia, Kingdom of', 'partner', 1, ['GCC']],
  ['TUR', '土耳其', 'Türkiye', 'Türkiye', 'partner', 1, []],
  ['LKA', '斯里兰卡', 'Sri Lanka', 'Sri Lanka', 'partner', 1, []],
  ['LAO', '老挝', 'Laos', "Lao People's Democratic Republic", 'partner', 1, []],
  ['AZE', '阿塞拜疆', 'Azerbaijan', null, 'partner', 0, []],
  // Bloc members outside the SCO: needed to group GCC drafts notified by every Gulf member.
  ['OMN', '阿曼', 'Oman', 'Oman', null, 1, ['GCC']],
  ['YEM', '也门', 'Yemen', 'Yemen', null, 1, ['GCC']],
];

export const migration0010: Migration = {
  version: 10,
  name: 'reference',
  up(db) {
    db.exec(`
      CREATE TABLE countries (
        code        TEXT PRIMARY KEY CHECK (length(code) = 3),
        name_zh     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        eping_name  TEXT,
        sco_status  TEXT CHECK (sco_status IN ('member', 'partner')),
        wto_member  INTEGER NOT NULL CHECK (wto_member IN (0, 1))
      ) STRICT;
      CREATE TABLE country_blocs (
        country_code TEXT NOT NULL REFERENCES countries(code) ON DELETE CASCADE,
        bloc         TEXT NOT NULL CHECK (bloc IN ('GCC', 'EAEU')),
        PRIMARY KEY (country_code, bloc)
      ) STRICT;
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare(
      'INSERT INTO countries (code, name_zh, name_en, eping_name, sco_status, wto_member) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertBloc = db.prepare('INSERT INTO country_blocs (country_code, bloc) VALUES (?, ?)');
    for (const [code, zh, en, eping, status, wto, blocs] of SEED) {
      insert.run(code, zh, en, eping, status, wto);
      for (const bloc of blocs) insertBloc.run(code, bloc);
    }
  },
};
