// Keeps the board, the KPIs and the rooms current while the tab is on screen: one load on mount,
// then every 30 s while the page is visible, and at once when it becomes visible again. Writes
// made on this page refresh all three immediately (useLoopBoard().refreshAll); this poll is what
// brings other officers' and field teams' changes in. Live push replaces it with issue 6's SSE
// (server/live/): then this becomes a subscription and the interval a fallback.
import { onMounted, onUnmounted } from 'vue';
import { useLoopBoard } from '../../stores/loop-board.ts';

export const POLL_MS = 30_000;

export function useLoopPoll(): void {
  const board = useLoopBoard();
  let timer: ReturnType<typeof setInterval> | null = null;
  const visible = () => document.visibilityState === 'visible';
  const tick = () => { if (visible()) void board.refreshAll(); };
  const onVisibility = () => { if (visible()) tick(); };

  onMounted(() => {
    void board.refreshAll();
    timer = setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', onVisibility);
  });
  onUnmounted(() => {
    if (timer !== null) clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
}
