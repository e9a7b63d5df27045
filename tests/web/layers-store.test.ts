import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DEFAULT_VISIBLE, TOGGLEABLE_LAYERS, useLayersStore } from '../../web/stores/layers.ts';

describe('layer visibility store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('starts with contacts and resources off, the other operational layers on', () => {
    const store = useLayersStore();
    expect(store.isVisible('cases')).toBe(true);
    expect(store.isVisible('zones')).toBe(true);
    expect(store.isVisible('contacts')).toBe(false);
    expect(store.isVisible('resources')).toBe(false);
    expect(store.visible).toEqual([...DEFAULT_VISIBLE]);
  });

  it('toggles and keeps the panel order', () => {
    const store = useLayersStore();
    store.show(['checkpoints', 'cases']);
    store.toggle('zones');
    expect(store.visible).toEqual(['zones', 'cases', 'checkpoints']);
    store.toggle('cases');
    expect(store.visible).toEqual(['zones', 'checkpoints']);
  });

  it('ignores layers the panel cannot switch', () => {
    const store = useLayersStore();
    store.show(['townships', 'cases']);
    expect(store.visible).toEqual(['cases']);
    expect(TOGGLEABLE_LAYERS).not.toContain('townships');
  });
});
