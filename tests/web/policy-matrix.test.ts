import { describe, expect, it } from 'vitest';
import { policyMatrix } from '../../web/components/admin/policy-matrix.ts';
import type { Policy } from '../../web/stores/admin-types.ts';
import { ACTIONS, RESOURCES, ROLES } from '../../domain/auth/policy.ts';
import zhCN from '../../web/i18n/zh-CN.ts';
import en from '../../web/i18n/en.ts';

const lookup = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

const policy: Policy = {
  roles: ['admin', 'planner', 'fieldMember'],
  rows: [
    { role: 'admin', resource: 'users', action: 'read', scope: 'all' },
    { role: 'planner', resource: 'tasks', action: 'create', scope: 'all' },
    { role: 'fieldMember', resource: 'tasks', action: 'read', scope: 'own' },
    { role: 'planner', resource: 'tasks', action: 'read', scope: 'all' },
    { role: 'admin', resource: 'users', action: 'update', scope: 'all' },
    { role: 'fieldMember', resource: 'tasks', action: 'read', scope: 'all' },
    { role: 'fieldMember', resource: 'tasks', action: 'create', scope: 'own' },
    { role: 'wall', resource: 'tasks', action: 'read', scope: 'all' },
    { role: 'admin', resource: 'newThing', action: 'read', scope: 'all' },
  ],
};

describe('policy matrix', () => {
  const m = policyMatrix(policy);

  it('has one row per resource × action in the domain’s order, unknown names last', () => {
    expect(m.rows.map((r) => `${r.resource}.${r.action}`)).toEqual(['tasks.read', 'tasks.create', 'users.read', 'users.update', 'newThing.read']);
    expect(m.rows.map((r) => r.resourceSpan)).toEqual([2, 0, 2, 0, 1]);
  });

  it('fills one cell per listed role: all, own or none', () => {
    expect(m.roles).toEqual(['admin', 'planner', 'fieldMember']);
    expect(m.rows[2].cells).toEqual(['all', null, null]);
    expect(m.rows[1].cells).toEqual([null, 'all', 'own']);
  });

  it('shows the wider scope when a role holds both, and ignores roles not listed', () => {
    expect(m.rows[0].cells).toEqual([null, 'all', 'all']);
    expect(m.rows.every((r) => r.cells.length === 3)).toBe(true);
  });

  it('has a label in both languages for every role, resource and action of the domain policy', () => {
    const keys = [...ROLES.map((r) => `role.${r}`), ...RESOURCES.map((r) => `admin.resource.${r}`), ...ACTIONS.map((a) => `admin.action.${a}`)];
    for (const messages of [zhCN, en]) {
      for (const key of keys) expect(lookup(messages, key), key).toBeTypeOf('string');
    }
  });

  it('is empty for an empty policy', () => {
    expect(policyMatrix({ roles: ['admin'], rows: [] })).toEqual({ roles: ['admin'], rows: [] });
  });
});
