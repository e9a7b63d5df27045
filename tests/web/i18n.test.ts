import { describe, expect, it } from 'vitest';
import zhCN from '../../web/i18n/zh-CN.ts';
import en from '../../web/i18n/en.ts';
import {
  CASE_CATEGORIES, CHECKPOINT_KINDS, CONTACT_CATEGORIES, FACILITY_STATUSES, LAYER_IDS, TESTING_SITE_KINDS, ZONE_STATUSES,
} from '../../domain/layers.ts';
import { legendFor } from '../../web/map/legend.ts';
import { TOGGLEABLE_LAYERS } from '../../web/stores/layers.ts';
import { popupRows } from '../../web/components/popup-fields.ts';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const zh = keys(zhCN);
const enKeys = keys(en);

describe('i18n messages', () => {
  it('has every zh-CN key in en and every en key in zh-CN', () => {
    expect(zh.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('has no empty message and no stray vue-i18n syntax', () => {
    for (const tree of [zhCN, en]) {
      for (const k of keys(tree)) {
        const m = lookup(tree, k)!;
        expect(m.trim(), k).not.toBe('');
        expect(m, k).not.toMatch(/[|@]/); // '|' is plural syntax, '@' a linked message
      }
    }
  });

  it('names every layer and every category, kind and status the map shows', () => {
    const needed = [
      ...LAYER_IDS.map((id) => `layers.${id}`),
      ...[...CASE_CATEGORIES, ...CONTACT_CATEGORIES].map((c) => `category.${c}`),
      ...CHECKPOINT_KINDS.map((k) => `checkpointKind.${k}`),
      ...TESTING_SITE_KINDS.map((k) => `testingSiteKind.${k}`),
      ...FACILITY_STATUSES.map((s) => `facilityStatus.${s}`),
      ...ZONE_STATUSES.map((s) => `zoneStatus.${s}`),
      ...['sealed', 'controlled', 'precaution', 'high', 'medium', 'low'].map((k) => `zoneKind.${k}`),
      ...TOGGLEABLE_LAYERS.flatMap((id) => legendFor(id, new Set(['sealed', 'high', 'low']))).map((e) => e.key),
    ];
    for (const key of needed) {
      expect(lookup(zhCN, key), key).toBeDefined();
      expect(lookup(en, key), key).toBeDefined();
    }
  });

  it('has a label for every popup field', () => {
    const props = Object.fromEntries(
      ['category', 'status', 'sex', 'age', 'onsetDate', 'sampleDate', 'reportDate', 'homeAddress', 'kind', 'roadName',
        'shifts', 'staff', 'throughputPerDay', 'address', 'capacityPerHour', 'openingHours', 'capacity', 'version',
        'lastInfectionAt', 'downgradeOn', 'liftOn', 'floors', 'units', 'households', 'residents', 'subkind', 'population',
        'code', 'roomsOccupied', 'roomsTotal'].map((k) => [k, '1']));
    for (const layer of LAYER_IDS) {
      for (const row of popupRows(layer, props)) {
        expect(lookup(zhCN, row.label), row.label).toBeDefined();
        if (row.unitKey) expect(lookup(en, row.unitKey), row.unitKey).toContain('{n}');
      }
    }
  });
});
