// "Today" on /plan is the server's day, not the browser's: the demo server runs on the
// scenario's clock (2022-06-18, server/clock.ts), and the replay's end, the zones' day numbers
// and the proposals' default day must agree with the clocks the server computes. The session
// answer carries the server's time (web/server-clock.ts).
import { computed, type ComputedRef } from 'vue';
import { shanghaiDate } from '../../../domain/zones/calendar.ts';
import { serverNowMs } from '../../server-clock.ts';
import { useSession } from '../../stores/session.ts';

export function usePlanToday(): ComputedRef<string> {
  const session = useSession();
  return computed(() => {
    void session.me; // a new sign-in brings a new server time: recompute
    return shanghaiDate(new Date(serverNowMs()).toISOString());
  });
}
