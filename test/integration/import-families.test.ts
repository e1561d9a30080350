import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { epingRow, writeEpingCsv, writeEpingXlsx, type EpingRow } from '../fixtures/eping-fixtures';
import { emptyBackend, testClock, testActor } from '../helpers/temp-store';
import { useImportEnv } from '../helpers/import-env';

const fx = useImportEnv();
const importFile = fx.importFile;

const gso = (symbol: string, title = 'GSO draft: Refrigerators energy efficiency'): EpingRow =>
  epingRow({ 'Document symbol': symbol, Title: title, 'Distribution date': '05/05/2025' });

/** One GSO draft: notified jointly by the UAE and Saudi Arabia, and separately by four Gulf members. */
const JOINT = gso('G/TBT/N/ARE/900, G/TBT/N/SAU/900');
const SEPARATE = ['KWT', 'QAT', 'BHR', 'OMN'].map((m, i) => gso(`G/TBT/N/${m}/${900 + i}`, i % 2 ? 'GSO Draft - Refrigerators Energy Efficiency' : undefined));

function familiesOfGso(db: Database.Database): Map<number | null, string[]> {
  const rows = db.prepare("SELECT symbol, family_id FROM notifications WHERE symbol LIKE 'G/TBT/N/%/90_' ORDER BY symbol").all() as Array<{ symbol: string; family_id: number | null }>;
  const out = new Map<number | null, string[]>();
  for (const r of rows) out.set(r.family_id, [...(out.get(r.family_id) ?? []), r.symbol]);
  return out;
}

describe('joint notifications and their family', () => {
  it('a GSO draft notified by two members jointly and by four separately is one family of six', async () => {
    await importFile(await writeEpingXlsx(fx.files.file('gso.xlsx'), [JOINT, ...SEPARATE]));
    const families = familiesOfGso(fx.env.backend.ctx.db);
    expect([...families.values()]).toEqual([[
      'G/TBT/N/ARE/900', 'G/TBT/N/BHR/902', 'G/TBT/N/KWT/900', 'G/TBT/N/OMN/903', 'G/TBT/N/QAT/901', 'G/TBT/N/SAU/900',
    ]]);
    expect(families.has(null)).toBe(false);
    const id = [...families.keys()][0]!;
    expect(fx.env.backend.ctx.db.prepare('SELECT kind FROM measure_families WHERE id = ?').pluck().get(id)).toBe('GCC');
    expect(fx.env.backend.ctx.db.prepare('SELECT count(*) FROM measure_families').pluck().get()).toBe(1);
  });

  it('comes out the same with the joint row last, in a CSV', async () => {
    await importFile(writeEpingCsv(fx.files.file('gso.csv'), [...SEPARATE, JOINT]));
    expect([...familiesOfGso(fx.env.backend.ctx.db).values()].map((s) => s.length)).toEqual([6]);
  });

  it('the joint pair joins the family of the separate drafts imported before it, and the other way round', async () => {
    await importFile(await writeEpingXlsx(fx.files.file('separate.xlsx'), SEPARATE));
    await importFile(await writeEpingXlsx(fx.files.file('joint.xlsx'), [JOINT]));
    expect([...familiesOfGso(fx.env.backend.ctx.db).values()].map((s) => s.length)).toEqual([6]);

    const other = await emptyBackend();
    try {
      await importNotificationsFile(other.backend.ctx.db, await writeEpingXlsx(fx.files.file('joint2.xlsx'), [JOINT]), { actor: testActor('t'), clock: testClock() });
      await importNotificationsFile(other.backend.ctx.db, await writeEpingXlsx(fx.files.file('separate2.xlsx'), SEPARATE), { actor: testActor('t'), clock: testClock() });
      expect([...familiesOfGso(other.backend.ctx.db).values()].map((s) => s.length)).toEqual([6]);
    } finally {
      other.cleanup();
    }
  });

  it('a joint notification of members outside the blocs stays a family of its own', async () => {
    await importFile(await writeEpingXlsx(fx.files.file('joint.xlsx'), [gso('G/TBT/N/IND/900, G/TBT/N/CHN/900'), gso('G/TBT/N/PAK/900')]));
    const families = familiesOfGso(fx.env.backend.ctx.db);
    expect(families.get(null)).toEqual(['G/TBT/N/PAK/900']);
    const joint = [...families.entries()].find(([id]) => id !== null)!;
    expect(joint[1]).toEqual(['G/TBT/N/CHN/900', 'G/TBT/N/IND/900']);
    expect(fx.env.backend.ctx.db.prepare('SELECT kind FROM measure_families WHERE id = ?').pluck().get(joint[0])).toBe('joint');
  });
});

describe('a symbol met twice in one file', () => {
  it('takes the family of its later row', async () => {
    // The first row had a typo in the title; the later row corrects it, and the draft joins its family.
    const rows = [gso('G/TBT/N/KWT/900', 'GSO draft: Refrigerator energy'), ...SEPARATE.slice(1), gso('G/TBT/N/KWT/900')];
    await importFile(await writeEpingXlsx(fx.files.file('typo.xlsx'), rows));
    expect([...familiesOfGso(fx.env.backend.ctx.db).values()]).toEqual([['G/TBT/N/BHR/902', 'G/TBT/N/KWT/900', 'G/TBT/N/OMN/903', 'G/TBT/N/QAT/901']]);
  });
});
