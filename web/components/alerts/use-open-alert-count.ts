// The number of unacknowledged alerts for the top bars' "预警" link, and the most severe level
// among them (the badge's colour). GET /alerts pages but does not count, so the count is the wall
// summary's (alerts.byLevel: open alerts of the open incident), for the roles that read it; it
// follows the live 'dashboard' changes, slowly: the summary costs the server 0.1–0.3 s here, and a
// badge need not beat the wall.
import { computed } from 'vue';
import { scopeOf } from '../../../domain/auth/policy.ts';
import type { AlertLevel } from '../../../domain/analysis/types.ts';
import { onLiveChange } from '../../live/on-live-change.ts';
import { LEVELS } from '../../stores/alerts.ts';
import { useSession } from '../../stores/session.ts';
import { useWallSummary } from '../../stores/wall-summary.ts';

export function useOpenAlertCount() {
  const session = useSession();
  const wall = useWallSummary();
  const enabled = session.role !== null && scopeOf(session.role, 'dashboard', 'read') !== null;
  if (enabled) {
    if (!wall.summary && !wall.loading) void wall.load();
    onLiveChange(['dashboard', 'alerts'], () => wall.load(), { debounceMs: 5_000, maxWaitMs: 30_000 });
  }
  const byLevel = computed(() => (enabled ? wall.summary?.alerts.byLevel ?? null : null));
  const count = computed(() => (byLevel.value ? LEVELS.reduce((n, l) => n + (byLevel.value?.[l] ?? 0), 0) : null));
  const top = computed<AlertLevel | null>(() => LEVELS.find((l) => (byLevel.value?.[l] ?? 0) > 0) ?? null);
  return { count, top };
}
