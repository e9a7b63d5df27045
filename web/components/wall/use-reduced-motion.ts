// prefers-reduced-motion, live: the map stops rotating and the ticker stops scrolling.
import { onScopeDispose, ref, type Ref } from 'vue';

export function useReducedMotion(): Ref<boolean> {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  const reduced = ref(query?.matches ?? false);
  const update = (e: MediaQueryListEvent) => { reduced.value = e.matches; };
  query?.addEventListener('change', update);
  onScopeDispose(() => query?.removeEventListener('change', update));
  return reduced;
}
