import { describe, expect, it } from 'vitest';
import { recordJson, toProperties } from '../../server/serialize.ts';

const person = { id: 1, name: '王小明', id_number: '130406198001011002', phone: '13800001001', home_address: '南头村5组12号',
  home_address_point_id: 77, category: 'confirmed' };

describe('the one serialization point', () => {
  it('masks personal fields and drops links that lead to them in clear (the address point is the home address)', () => {
    const p = toProperties('persons', person);
    expect(p).toMatchObject({ name: '王**', idNumber: '130406**********02', phone: '138****1001' });
    expect(p).not.toHaveProperty('homeAddressPointId');
    expect(JSON.stringify(recordJson('persons', person))).not.toContain('77');
  });
  it('leaves personal fields out entirely for the wall', () => {
    const p = toProperties('persons', person, 'hidden');
    expect(Object.keys(p).sort()).toEqual(['category', 'id']);
  });
});
