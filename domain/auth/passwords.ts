// Password rules (ASVS 5.0 §6.2 as summarised in reliability.md §2): at least 12 characters, at
// most 128, not a well-known password, not the username; no composition rules. Passwords the
// system generates come from `generatedPassword` below (pass in the random bytes: no IO here).

const COMMON = new Set([
  'password1234', '123456789012', 'qwertyuiop12', 'admin1234567', 'administrator', 'passw0rd1234',
  '1q2w3e4r5t6y', 'iloveyou1234', 'welcome12345', 'abc123456789', '000000000000', '111111111111',
  'shouwang1234', 'shouwang2022', 'zhongguo1234', 'woaini123456', 'a12345678910', 'qwerty123456',
]);

export type PasswordCheck = { ok: true } | { ok: false; reason: string };

export function checkPassword(password: string, username = ''): PasswordCheck {
  const chars = [...password].length;
  if (chars < 12) return { ok: false, reason: 'at least 12 characters' };
  if (chars > 128) return { ok: false, reason: 'at most 128 characters' };
  if (COMMON.has(password.toLowerCase())) return { ok: false, reason: 'a well-known password' };
  if (username && password.toLowerCase().includes(username.toLowerCase())) return { ok: false, reason: 'contains the username' };
  if (new Set(password).size < 4) return { ok: false, reason: 'too few different characters' };
  return { ok: true };
}

// No 0/O, 1/l/I: read aloud over the phone or copied from a printout without mistakes.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** `xxxxx-xxxxx-xxxxx-xxxxx` from 20 random bytes: 20 × 5 bits = 100 bits. */
export function generatedPassword(random: Uint8Array): string {
  if (random.length < 20) throw new Error('generatedPassword needs 20 random bytes');
  const chars = Array.from(random.slice(0, 20), (b) => ALPHABET[b % 32]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
