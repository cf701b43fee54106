/**
 * Turns what a person typed into a Lucene query for the full-text index. Only letters and digits
 * pass through, so no Lucene syntax (or injection) survives. Each word matches exactly (boosted),
 * as a prefix, or within an edit distance that grows with its length: "Ascnd", "Kesler" and
 * "Singapor" still find their targets, while short words like "H20" stay exact.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const clauses = words.slice(0, 16).map((word) => {
    const forms = [`${word}^3`, `${word}*`];
    if (word.length >= 4) forms.push(`${word}~${word.length >= 6 ? 2 : 1}`);
    return `(${forms.join(' OR ')})`;
  });
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}
