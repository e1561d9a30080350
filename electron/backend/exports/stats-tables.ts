import type { CommentStats, StatsGroup } from '../../../shared/contract';
import type { SheetCell, SheetColumn, SheetData } from '../files/xlsx-writer';
import type { ExportWords } from './export-words';

type GroupTable = 'byMember' | 'byIndustry' | 'byYear';

function groupTable(kind: GroupTable, groups: readonly StatsGroup[], words: ExportWords, english: boolean): SheetData {
  const h = words.headers.stats;
  const columns: SheetColumn[] = [
    { header: words.statsFirstColumn[kind], kind: 'text', width: 20 },
    { header: h.submitted, kind: 'number' },
    { header: h.adopted, kind: 'number' },
    { header: h.partlyAdopted, kind: 'number' },
    { header: h.notAdopted, kind: 'number' },
    { header: h.withdrawn, kind: 'number' },
    { header: h.awaiting, kind: 'number' },
    { header: h.fullyRate, kind: 'percent', width: 14 },
    { header: h.partlyRate, kind: 'percent', width: 18 },
    { header: h.points, kind: 'number' },
    { header: h.pointsAdopted, kind: 'number' },
  ];
  const rows: SheetCell[][] = groups.map((g) => [
    english ? g.labelEn : g.labelZh,
    g.submitted,
    g.adopted,
    g.partlyAdopted,
    g.notAdopted,
    g.withdrawn,
    g.awaiting,
    g.fullyAdoptedRate,
    g.atLeastPartlyRate,
    g.points,
    g.pointsAdopted,
  ]);
  return { name: words.statsTables[kind], columns, rows };
}

/**
 * The comment statistics as four tables, the ones the statistics page shows: by member, by
 * industry, by year (comments and their outcomes) and by template (points). In XLSX each is a
 * sheet; in CSV they follow one another in one file, each under its name.
 */
export function statsTables(stats: CommentStats, words: ExportWords, english: boolean): SheetData[] {
  const h = words.headers.stats;
  return [
    groupTable('byMember', stats.byMember, words, english),
    groupTable('byIndustry', stats.byIndustry, words, english),
    groupTable('byYear', stats.byYear, words, english),
    {
      name: words.statsTables.byTemplate,
      columns: [
        { header: h.template, kind: 'text', width: 30 },
        { header: h.pointsTotal, kind: 'number' },
        { header: h.adopted, kind: 'number' },
        { header: h.partlyAdopted, kind: 'number' },
        { header: h.notAdopted, kind: 'number' },
        { header: h.withdrawn, kind: 'number' },
        { header: h.awaiting, kind: 'number' },
        { header: h.pointRate, kind: 'percent', width: 14 },
      ],
      rows: stats.byTemplate.map((t) => [
        english ? t.nameEn : t.nameZh,
        t.points.total,
        t.points.adopted,
        t.points.partlyAdopted,
        t.points.notAdopted,
        t.points.withdrawn,
        t.points.pending,
        t.adoptionRate,
      ]),
    },
  ];
}
