import { describe, expect, it } from 'vitest';
import type { WarningFactorKey } from '../contract/warnings';
import { DEFAULT_WARNING_RULES as RULES } from './warning-rules';
import { levelOf, matchDepth, monthsBetween, scoreWarning, type ScoreInput } from './warning-score';

const TODAY = '2026-11-20';

/** A pair that earns nothing but the weakest match: every factor at its floor. */
function quiet(over: Partial<ScoreInput> = {}): ScoreInput {
  return {
    today: TODAY,
    exposure: { target: 'enterprise', usd: 0 },
    match: { depth: 'text', hsCode: null, measureCode: null, evidence: [] },
    nature: { nature: 'none', evidence: [] },
    deviation: [],
    commentDeadline: null,
    entryIntoForce: null,
    adoption: null,
    stage: 'draft',
    stageEvidence: [],
    focusIndustry: null,
    ...over,
  };
}

const points = (input: ScoreInput, key: WarningFactorKey): number => scoreWarning(input, RULES).factors.find((f) => f.key === key)!.points;
const value = (input: ScoreInput, key: WarningFactorKey) => scoreWarning(input, RULES).factors.find((f) => f.key === key)!;

describe('each factor alone, under the default weights', () => {
  it('the quiet pair scores only its text match: round(20 × 0.15) = 3', () => {
    const r = scoreWarning(quiet(), RULES);
    expect(r.score).toBe(3);
    expect(r.level).toBe('blue');
    expect(r.factors.map((f) => f.key)).toEqual([
      'exposure', 'match', 'nature', 'deviation', 'commentWindow', 'entryIntoForce', 'shortInterval', 'focusIndustry', 'laterDocuments',
    ]);
    expect(r.factors.map((f) => f.max)).toEqual([25, 20, 20, 8, 8, 6, 5, 5, 3]);
  });

  it('exposure bands for an enterprise (weight 25)', () => {
    const at = (usd: number | null): number => points(quiet({ exposure: { target: 'enterprise', usd } }), 'exposure');
    expect(at(10_000_000)).toBe(25); // 25 × 1
    expect(at(9_999_999)).toBe(19); // 25 × 0.75 = 18.75
    expect(at(1_000_000)).toBe(19);
    expect(at(999_999)).toBe(13); // 25 × 0.5 = 12.5, halves round up
    expect(at(100_000)).toBe(13);
    expect(at(99_999)).toBe(6); // 25 × 0.25 = 6.25
    expect(at(1)).toBe(6);
    expect(at(0)).toBe(0);
    expect(at(null)).toBe(6); // unknown counts as the lowest band
    expect(value(quiet({ exposure: { target: 'enterprise', usd: null } }), 'exposure').value).toBe('unknown');
    expect(value(quiet({ exposure: { target: 'enterprise', usd: 2_500_000.4 } }), 'exposure').params).toEqual({ usd: 2_500_000 });
  });

  it('exposure bands for a focus industry are a hundred times wider', () => {
    const at = (usd: number | null): number => points(quiet({ exposure: { target: 'industry', usd } }), 'exposure');
    expect(at(1_000_000_000)).toBe(25);
    expect(at(999_999_999)).toBe(19);
    expect(at(100_000_000)).toBe(19);
    expect(at(10_000_000)).toBe(13);
    expect(at(9_999_999)).toBe(6);
    expect(at(null)).toBe(6);
  });

  it('match depth (weight 20): line 20, heading 12, chapter 6, text 3', () => {
    const at = (depth: 'line' | 'heading' | 'chapter' | 'text'): number => points(quiet({ match: { depth, hsCode: '850760', measureCode: '8507', evidence: [] } }), 'match');
    expect([at('line'), at('heading'), at('chapter'), at('text')]).toEqual([20, 12, 6, 3]);
  });

  it('nature (weight 20): ban and emergency 20, limits and conformity 15, regulation 10, labelling 8, standard 4, none 0', () => {
    const at = (nature: ScoreInput['nature']['nature']): number => points(quiet({ nature: { nature, evidence: [] } }), 'nature');
    expect(['ban', 'emergency', 'residueLimit', 'conformity', 'regulation', 'labelling', 'standard', 'none'].map((n) => at(n as never))).toEqual([
      20, 20, 15, 15, 10, 8, 4, 0,
    ]);
  });

  it('deviation (weight 8): all or nothing', () => {
    expect(points(quiet({ deviation: [{ symbol: 'G/SPS/N/SAU/1', field: 'description', text: 'not based on' }] }), 'deviation')).toBe(8);
    expect(points(quiet(), 'deviation')).toBe(0);
  });

  it('comment window (weight 8) counts days from today, the final date itself still open', () => {
    const at = (deadline: string | null): number => points(quiet({ commentDeadline: deadline }), 'commentWindow');
    expect(at('2026-11-20')).toBe(8); // 0 days: 8 × 1
    expect(at('2026-12-04')).toBe(8); // 14 days
    expect(at('2026-12-05')).toBe(6); // 15 days: 8 × 0.75
    expect(at('2026-12-20')).toBe(6); // 30 days
    expect(at('2026-12-21')).toBe(4); // 31 days: 8 × 0.5
    expect(at('2027-01-19')).toBe(4); // 60 days
    expect(at('2027-01-20')).toBe(2); // 61 days: 8 × 0.25
    expect(at('2026-11-19')).toBe(0); // closed yesterday
    expect(at(null)).toBe(0);
    expect(value(quiet({ commentDeadline: '2026-12-04' }), 'commentWindow')).toMatchObject({ value: 'days', params: { days: 14 } });
    expect(value(quiet({ commentDeadline: '2026-11-19' }), 'commentWindow').value).toBe('closed');
    expect(value(quiet(), 'commentWindow').value).toBe('none');
  });

  it('entry into force (weight 6): ≤ 90 days 6, ≤ 180 days 4, later 2, in force 3, unknown 0', () => {
    const at = (eif: string | null, stage: ScoreInput['stage'] = 'draft'): number => points(quiet({ entryIntoForce: eif, stage }), 'entryIntoForce');
    expect(at('2027-02-18')).toBe(6); // 90 days
    expect(at('2027-02-19')).toBe(4); // 91 days: 6 × 0.6 = 3.6
    expect(at('2027-05-19')).toBe(4); // 180 days
    expect(at('2027-05-20')).toBe(2); // 181 days: 6 × 0.3 = 1.8
    expect(at('2026-06-01', 'inForce')).toBe(3); // in force: 6 × 0.5
    expect(at('2026-06-01', 'adopted')).toBe(3); // adopted and its date has come
    expect(at('2026-06-01', 'draft')).toBe(0); // a draft's proposed date that passed says nothing
    expect(at(null, 'inForce')).toBe(3);
    expect(at(null)).toBe(0);
  });

  it('short interval (weight 5): under six calendar months from adoption to entry into force', () => {
    const at = (adoption: string | null, eif: string | null): number => points(quiet({ adoption, entryIntoForce: eif }), 'shortInterval');
    expect(at('2027-01-15', '2027-07-14')).toBe(5); // 5 months and 29 days
    expect(at('2027-01-15', '2027-07-15')).toBe(0); // exactly six months: reasonable
    expect(at('2027-01-31', '2027-07-30')).toBe(5);
    expect(at('2027-01-15', null)).toBe(0);
    expect(at(null, '2027-07-14')).toBe(0);
    expect(value(quiet({ adoption: '2027-01-15', entryIntoForce: '2027-04-15' }), 'shortInterval')).toMatchObject({ value: 'months', params: { months: 3 } });
    expect(value(quiet(), 'shortInterval').value).toBe('unknown');
  });

  it('focus industry (weight 5) and later documents (weight 3)', () => {
    expect(points(quiet({ focusIndustry: 'ev' }), 'focusIndustry')).toBe(5);
    expect(value(quiet({ focusIndustry: 'ev' }), 'focusIndustry').params).toEqual({ industry: 'ev' });
    const at = (stage: ScoreInput['stage']): number => points(quiet({ stage }), 'laterDocuments');
    expect([at('draft'), at('commentsExtended'), at('adopted'), at('inForce'), at('withdrawn')]).toEqual([0, 1, 2, 3, 0]);
  });
});

describe('the factors together', () => {
  it('a Saudi ban on lithium batteries, 3.2 M USD of direct exports, comments closing in 10 days', () => {
    const r = scoreWarning(
      quiet({
        exposure: { target: 'enterprise', usd: 3_200_000, source: 'enterprise' },
        match: { depth: 'line', hsCode: '850760', measureCode: '850760', evidence: [] },
        nature: { nature: 'ban', evidence: [{ symbol: 'G/TBT/N/SAU/1', field: 'title', text: 'prohibition' }] },
        commentDeadline: '2026-11-30',
        entryIntoForce: '2027-04-01',
        adoption: '2027-01-01',
        focusIndustry: 'lithium-battery',
      }),
      RULES,
    );
    // exposure 19 (25 × 0.75) + match 20 + nature 20 + deviation 0 + comments 8 (10 days)
    // + entry into force 4 (132 days: 6 × 0.6) + short interval 5 (3 months) + focus 5 + later 0 = 81
    expect(r.factors.map((f) => f.points)).toEqual([19, 20, 20, 0, 8, 4, 5, 5, 0]);
    expect(r.score).toBe(81);
    expect(r.level).toBe('red');
  });

  it('a labelling rule on the same chapter with unknown exports is yellow', () => {
    const r = scoreWarning(
      quiet({
        exposure: { target: 'enterprise', usd: null },
        match: { depth: 'chapter', hsCode: '850760', measureCode: '85', evidence: [] },
        nature: { nature: 'labelling', evidence: [] },
        commentDeadline: '2026-12-25',
        deviation: [{ symbol: 'G/TBT/N/X/1', field: 'description', text: 'no international standard' }],
      }),
      RULES,
    );
    // 6 (unknown) + 6 (chapter) + 8 (labelling) + 8 (deviation) + 4 (35 days) = 32
    expect(r.score).toBe(32);
    expect(r.level).toBe('yellow');
  });
});

describe('levels at the thresholds', () => {
  it('70 is red, 69 orange, 50 orange, 49 yellow, 30 yellow, 29 blue', () => {
    const t = RULES.thresholds;
    expect([70, 69, 50, 49, 30, 29, 0, 100].map((s) => levelOf(s, t))).toEqual(['red', 'orange', 'orange', 'yellow', 'yellow', 'blue', 'blue', 'red']);
  });

  it('other rules move the edges and the points', () => {
    const rules = { ...RULES, weights: { ...RULES.weights, match: 40, exposure: 5 }, thresholds: { red: 40, orange: 20, yellow: 10 } };
    const r = scoreWarning(quiet({ match: { depth: 'line', hsCode: '850760', measureCode: '850760', evidence: [] } }), rules);
    expect(r.score).toBe(40);
    expect(r.level).toBe('red');
  });
});

describe('match depth and months', () => {
  it('counts shared leading digits, capped at the measure code', () => {
    expect(matchDepth('850760', '850760')).toBe('line');
    expect(matchDepth('85076000', '850760')).toBe('line');
    expect(matchDepth('850760', '85076000')).toBe('line');
    expect(matchDepth('850760', '8507')).toBe('heading');
    expect(matchDepth('850760', '85079')).toBe('heading');
    expect(matchDepth('850760', '85')).toBe('chapter');
    expect(matchDepth('030389', '03')).toBe('chapter');
    // Neighbours in one chapter are other goods: batteries and primary cells, batteries and inverters.
    expect(matchDepth('850760', '8506')).toBeNull();
    expect(matchDepth('850760', '850440')).toBeNull();
    expect(matchDepth('850760', '84')).toBeNull();
  });

  it('whole calendar months', () => {
    expect(monthsBetween('2027-01-15', '2027-07-14')).toBe(5);
    expect(monthsBetween('2027-01-15', '2027-07-15')).toBe(6);
    expect(monthsBetween('2026-11-30', '2027-02-28')).toBe(2);
  });
});
