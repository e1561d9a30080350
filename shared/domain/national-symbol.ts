/**
 * Local references for measures that reach the analysts outside the WTO: the national sources
 * of non-WTO members (Uzbekistan, Iran, Belarus, Azerbaijan) or a draft seen before its WTO
 * notification. They need a stable, unique symbol like every notification row.
 *
 * Scheme: `NAT/<member>/<year>/<sequence>`, e.g. `NAT/UZB/2026/0001`.
 * - `NAT` can never begin a WTO document symbol (those begin with `G/`), so parseSymbol()
 *   returns null for it and an import can never collide with or be mistaken for one;
 * - member is the three-letter code of the country the measure comes from;
 * - year is the year of the record's date (its distribution or publication date, or the year
 *   it was entered when it has none);
 * - sequence counts per member and year from 1, at least four digits.
 */

export interface NationalSymbol {
  symbol: string;
  member: string;
  year: number;
  sequence: number;
}

const NATIONAL = /^NAT\/([A-Z]{3})\/(\d{4})\/(\d{4,6})$/;

export function formatNationalSymbol(member: string, year: number, sequence: number): string {
  return `NAT/${member}/${String(year).padStart(4, '0')}/${String(sequence).padStart(4, '0')}`;
}

/** Read a local reference written by formatNationalSymbol(); null for anything else. */
export function parseNationalSymbol(raw: string): NationalSymbol | null {
  const m = NATIONAL.exec(raw.trim());
  if (!m) return null;
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return { symbol: raw.trim(), member: m[1]!, year: Number(m[2]), sequence };
}

/** The next free reference for a member and year, given the references already used. */
export function nextNationalSymbol(member: string, year: number, existing: Iterable<string>): string {
  let highest = 0;
  for (const s of existing) {
    const p = parseNationalSymbol(s);
    if (p && p.member === member && p.year === year && p.sequence > highest) highest = p.sequence;
  }
  return formatNationalSymbol(member, year, highest + 1);
}
