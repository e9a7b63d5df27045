// The wall is laid out for 1920×1080 and scaled: 3840×2160 is the same wall at 2×. `scale` is
// the factor for what CSS cannot size (MapLibre paint values, ECharts fonts); the CSS uses the
// same factor as `--u` (WallPage.vue).
import { onScopeDispose, ref, type Ref } from 'vue';

export const WALL_WIDTH_PX = 1920;
export const WALL_HEIGHT_PX = 1080;

export const wallScale = (width: number, height: number): number =>
  Math.max(0.25, Math.min(width / WALL_WIDTH_PX, height / WALL_HEIGHT_PX));

export function useWallScale(): Ref<number> {
  const scale = ref(wallScale(window.innerWidth, window.innerHeight));
  const update = () => { scale.value = wallScale(window.innerWidth, window.innerHeight); };
  window.addEventListener('resize', update);
  onScopeDispose(() => window.removeEventListener('resize', update));
  return scale;
}
