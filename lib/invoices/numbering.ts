/**
 * Document numbers: PREFIX/YY-YY/NNNNNN, e.g. KAV/26-27/000123. One series per prefix and financial year
 * (April to March, by the date in India), so numbering restarts each April. CGST Rule 46(b) allows at most 16
 * characters: a prefix of up to 3 characters and six digits fit exactly.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** The financial year a moment falls in, by India's calendar: "2026-27". */
export function financialYear(at: Date): string {
  const india = new Date(at.getTime() + IST_OFFSET_MS);
  const year = india.getUTCMonth() >= 3 ? india.getUTCFullYear() : india.getUTCFullYear() - 1;
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

export function seriesFor(prefix: string, year: string): string {
  return `${prefix}/${year.slice(2)}`;
}

export function documentNumber(series: string, sequence: number): string {
  return `${series}/${String(sequence).padStart(6, "0")}`;
}
