// Whether a CSS media query matches, live. For screens whose phone and desktop forms differ in structure
// (a day list against a grid), so only one of them is built, not both with one hidden.
import { onScopeDispose, readonly, ref, type Ref } from 'vue'

/** Wide enough for the class week's seven-day grid; keep in step with the grid's own CSS. */
export const WIDE_SCREEN = '(min-width: 56.25rem)'

export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined
  // Without matchMedia, the phone form: it reads everywhere.
  const matches = ref(list?.matches ?? false)
  const onChange = (event: MediaQueryListEvent) => (matches.value = event.matches)
  list?.addEventListener('change', onChange)
  onScopeDispose(() => list?.removeEventListener('change', onChange))
  return readonly(matches)
}
