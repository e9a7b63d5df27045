import { describe, expect, it } from 'vitest';
import { csvField, csvLine, looksLikeFormula } from '../../../domain/sheets/cell-safety.ts';

describe('formula-looking cells are exported as text', () => {
  it('knows what a spreadsheet would read as a formula', () => {
    expect(['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'].every(looksLikeFormula)).toBe(true);
    expect(['张*', '1+1', '', ' =1'].some(looksLikeFormula)).toBe(false);
  });

  it('prefixes them with a quote in CSV, quotes delimiters, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvLine(['a,b', 'c\nd', 1])).toBe('"a,b","c\nd",1\r\n');
  });
});
