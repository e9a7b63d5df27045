// Small, pure wording helpers of the import wizard (tested in tests/web/import-format.test.ts).

/** A row's (masked) data on one line: "姓名 张* · 身份证号 1304**********1234 · …". */
export function rowDataText(data: Record<string, unknown> | null, label: (field: string) => string,
  value: (field: string, v: string) => string = (_, v) => v): string {
  if (!data) return '—';
  return Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${label(k)} ${value(k, typeof v === 'object' ? JSON.stringify(v) : String(v))}`).join(' · ');
}

/** Confidence 0…1 as a whole percentage. */
export const confidencePct = (c: number): number => Math.round(Math.max(0, Math.min(1, c)) * 100);

/** A WGS-84 point as text with 6 decimals (~0.1 m). */
export const pointText = (p: readonly [number, number]): { lng: string; lat: string } => ({ lng: p[0].toFixed(6), lat: p[1].toFixed(6) });
