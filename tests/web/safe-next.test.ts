import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/views/safe-next.ts';

describe('safeNext (where the login page sends the user)', () => {
  it('follows paths on this site', () => {
    expect(safeNext('/field/tasks/3')).toBe('/field/tasks/3');
    expect(safeNext('/?c=114.2,36.45&z=13')).toBe('/?c=114.2,36.45&z=13');
  });

  it('refuses other origins, odd values and the login page itself', () => {
    for (const v of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'field', '', undefined, ['/'], '/login', '/login?next=/']) {
      expect(safeNext(v), String(v)).toBeNull();
    }
  });
});
