// Masked forms of personal data (reliability.md §7.5 P1): the server applies these at its one
// serialization point unless the role's policy grants the clear value.

/** 张三 → 张*, 欧阳娜娜 → 欧***: keep the first character only. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 18-digit ID: keep the 6-digit region and the last 2 → 130406**********12. */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 8) + id.slice(-2);
}

/** 11-digit mobile: 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** An exact home address keeps its area but not the door: cut at the village/community or compound. */
export function maskAddress(address: string): string {
  const m = /^(.*?(?:社区|村|小区|苑|园|城))/.exec(address);
  return m ? `${m[1]}***` : '***';
}
