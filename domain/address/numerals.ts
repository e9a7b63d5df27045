// Chinese numerals as people write them in addresses: positional (十二, 二十九, 一百零五) and
// digit by digit (五〇一, 一二). Only numbers that stand before an address unit are converted
// (normalize.ts), so names such as 团结路二巷 or 三矿北工人村 keep their characters.

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

/** The value of a Chinese numeral string as decimal digits, or null when it is not one. */
export function chineseNumeral(s: string): string | null {
  if (s.length === 0) return null;
  if (![...s].every((ch) => ch in DIGIT || ch in UNIT)) return null;
  // Digit by digit (no 十/百/千): 五〇一 → 501, as room numbers are read out.
  if (![...s].some((ch) => ch in UNIT)) return [...s].map((ch) => DIGIT[ch]).join('');
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGIT) {
      current = DIGIT[ch];
    } else {
      // 十 alone at the start means 10 (十二 = 12).
      total += (current === 0 ? 1 : current) * UNIT[ch];
      current = 0;
    }
  }
  return String(total + current);
}
