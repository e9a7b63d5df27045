// Keeps the board, the KPIs and the rooms current while their tab is on screen: all three load on
// mount, then each refetches when the live stream says its data changed — the board and KPIs on a
// loop step, a person or an escalation (loops, cases, contacts), the occupancy and forecast on a
// room or a site (rooms, quarantineSites). This replaced issue 5's 30 s poll: other officers' and
// field teams' changes now show within a second, and an idle board costs no requests. A reset or
// a reconnect after a drop refetches all three. Writes made on this page still refresh at once
// (useLoopBoard().refreshAll).
import { onMounted } from 'vue';
import { onLiveChange } from '../../live/on-live-change.ts';
import { useLoopBoard } from '../../stores/loop-board.ts';
import { useLoopKpis } from '../../stores/loop-kpis.ts';
import { useRooms } from '../../stores/rooms.ts';

export function useLoopLive(): void {
  const board = useLoopBoard();
  const kpis = useLoopKpis();
  const rooms = useRooms();
  onMounted(() => { void board.refreshAll(); });
  onLiveChange(['loops', 'cases', 'contacts'], () => Promise.all([board.load(), kpis.load()]));
  onLiveChange(['rooms', 'quarantineSites'], () => rooms.load());
}
