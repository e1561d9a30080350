import { describe, expect, it } from 'vitest';
import { classifyNature, DEVIATION_PATTERNS, findDeviation, findWords, isoDateOf, NATURE_CLASSES, readStage, type MeasureText } from './measure-nature';

const t = (text: string, field = 'description', symbol = 'G/TBT/N/SAU/1'): MeasureText => ({ symbol, field, text });

describe('the nature of a measure', () => {
  it('the highest class found wins, with its words as evidence', () => {
    const r = classifyNature([t('Technical regulation on labelling', 'title'), t('The import of these products is prohibited.')], null);
    expect(r.nature).toBe('ban');
    expect(r.evidence).toEqual([{ symbol: 'G/TBT/N/SAU/1', field: 'description', text: 'prohibited' }]);
  });

  it('reads each class in English and Chinese', () => {
    const n = (text: string): string => classifyNature([t(text)], null).nature;
    expect(n('Maximum residue limits for pesticides')).toBe('residueLimit');
    expect(n('MRLs of chlorpyrifos')).toBe('residueLimit');
    expect(n('农药最大残留限量')).toBe('residueLimit');
    expect(n('Mandatory certification of toys')).toBe('conformity');
    expect(n('强制性产品认证目录')).toBe('conformity');
    expect(n('Draft Decree on cosmetics')).toBe('regulation');
    expect(n('电动汽车技术法规')).toBe('regulation');
    expect(n('Consumer information, labelling')).toBe('labelling');
    expect(n('食品标签通则')).toBe('labelling');
    expect(n('Voluntary standard for tiles')).toBe('standard');
    expect(n('Tiles')).toBe('none');
  });

  it('words count only whole: a lawn, a bandage and a relabelled box are not law, ban and label', () => {
    expect(classifyNature([t('Lawn mowers and bandages, relabelled boxes')], null).nature).toBe('none');
  });

  it('an SPS emergency weighs as a ban; a written ban keeps its own class', () => {
    const emergency = { symbol: 'G/SPS/N/KAZ/1', field: 'docType', text: 'emergency' };
    expect(classifyNature([t('Import requirements for poultry')], emergency)).toEqual({ nature: 'emergency', evidence: [emergency] });
    expect(classifyNature([t('Temporary ban on poultry')], emergency).nature).toBe('ban');
  });
});

describe('deviation from the international standard', () => {
  it('finds the statements and the SPS form answer', () => {
    expect(findDeviation([t('The measure is not based on Codex standards.')]).map((e) => e.text)).toEqual(['not based on']);
    expect(findDeviation([t('Does this measure conform to the relevant international standard? Codex Alimentarius: No')])).toHaveLength(1);
    expect(findDeviation([t('There is no international standard for this product.')])).toHaveLength(1);
    expect(findDeviation([t('Differs from the international standard IEC 62133 in clause 5.')])).toHaveLength(1);
  });

  it('a form answered Yes, or no statement at all, is no deviation', () => {
    expect(findDeviation([t('Does this measure conform to the relevant international standard? Codex Alimentarius: Yes')])).toEqual([]);
    expect(findDeviation([t('Based on ISO 9001.')])).toEqual([]);
  });
});

describe('the stage from later documents', () => {
  it('withdrawn > in force > adopted > comments extended > draft', () => {
    expect(readStage([t('The comment period has been extended to 30 June'), t('The regulation was adopted on 1 May')]).stage).toBe('adopted');
    expect(readStage([t('The regulation was adopted'), t('The notified measure was withdrawn')]).stage).toBe('withdrawn');
    expect(readStage([t('Date of entry into force: 1 January 2027')]).stage).toBe('inForce');
    expect(readStage([t('Extension of the comment period')]).stage).toBe('commentsExtended');
    expect(readStage([t('Corrects the title')]).stage).toBe('draft');
    expect(readStage([]).stage).toBe('draft');
  });
});

describe('finding the words of a class', () => {
  const texts = [
    t('LABELLING and Marking of PROHIBITED goods; labels', 'title'),
    t('禁止进口。标签应使用中文。Maximum residue limits (MRLs) of contaminants'),
    t('No word of any class here at all'),
    t('Not in conformity with Codex; DEVIATES from ISO 9001. Does this measure conform to the international standard? Codex: No', 'description', 'G/SPS/N/SAU/2'),
  ];
  /** Each pattern tried on each text, as the words were found before any text was skipped. */
  const everyMatch = (patterns: readonly RegExp[]): string[] => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const x of texts) {
      for (const p of patterns) {
        for (const m of x.text.matchAll(new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`))) {
          const key = `${x.symbol}|${x.field}|${m[0].toLowerCase()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(`${x.symbol} ${x.field} ${m[0]}`);
        }
      }
    }
    return out;
  };

  it('finds every word, in order, whatever the case or script, though texts without one are skipped', () => {
    for (const patterns of [...NATURE_CLASSES.map((c) => c.patterns), DEVIATION_PATTERNS]) {
      const words = findWords(texts, patterns).map((w) => `${w.symbol} ${w.field} ${w.text}`);
      expect(words).toEqual(everyMatch(patterns));
    }
    expect(findWords(texts, NATURE_CLASSES[0]!.patterns).map((w) => w.text)).toEqual(['PROHIBITED', '禁止']);
  });

  it('stops at the limit with the first words, and still tells a class found with a limit of 0', () => {
    const all = findWords(texts, DEVIATION_PATTERNS);
    expect(all.length).toBeGreaterThan(2);
    expect(findWords(texts, DEVIATION_PATTERNS, 2)).toEqual(all.slice(0, 2));
    expect(findDeviation(texts, 2)).toEqual(all.slice(0, 2));
    expect(classifyNature(texts, null, 0)).toEqual({ nature: 'ban', evidence: [] });
  });
});

describe('ISO dates among free text', () => {
  it('keeps only real ISO dates', () => {
    expect(isoDateOf('2027-03-01')).toBe('2027-03-01');
    expect(isoDateOf('2027-03-01T00:00:00Z')).toBe('2027-03-01');
    expect(isoDateOf('To be determined')).toBeNull();
    expect(isoDateOf('2027-02-30')).toBeNull();
    expect(isoDateOf(null)).toBeNull();
  });
});
