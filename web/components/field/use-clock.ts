// Reactive browser state the field view redraws on: whether the phone has a network, and a
// coarse clock so "overdue" turns on while the list is open. Listeners go with the component.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { serverNowMs } from '../../server-clock.ts';

export function useOnline(): Ref<boolean> {
  const online = ref(typeof navigator === 'undefined' || navigator.onLine !== false);
  const update = () => { online.value = navigator.onLine !== false; };
  onMounted(() => { window.addEventListener('online', update); window.addEventListener('offline', update); });
  onBeforeUnmount(() => { window.removeEventListener('online', update); window.removeEventListener('offline', update); });
  return online;
}

/** Epoch ms on the server's clock, refreshed every `everyMs` (default 30 s: due times are shown to the minute). */
export function useNow(everyMs = 30_000): Ref<number> {
  const now = ref(serverNowMs());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => { timer = setInterval(() => { now.value = serverNowMs(); }, everyMs); });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
