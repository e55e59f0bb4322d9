/**
 * Starts the service directory's filters when a worker first touches them (a tap, focus, a key),
 * not when the page loads: React and the island (some 70 kB compressed) are fetched then, so the
 * directory's pages are light on a phone until they are used. What the worker did meanwhile
 * (a choice made, words typed, 离我最近 pressed) is handed to the island when it takes over.
 *
 * Markup (components/ServiceFinder.astro): `#svc-finder` holding the server-rendered form, and
 * `#svc-finder-props`, the island's props as JSON.
 */
import type { EarlyInput, ServiceDirectoryProps } from '../islands/ServiceDirectory'

const root = document.getElementById('svc-finder')
const data = document.getElementById('svc-finder-props')
if (root && data) {
  const props = JSON.parse(data.textContent ?? '{}') as ServiceDirectoryProps
  const EVENTS = ['pointerdown', 'focusin', 'keydown', 'input', 'change', 'click'] as const
  let nearest = false
  let started = false
  // The fields the worker changed: only those override the page's own filter and the query string.
  const changed = new Set<string>()
  const FIELDS = { 'svc-q': 'q', 'svc-cat': 'category', 'svc-district': 'district', 'svc-aud': 'audience', 'svc-open': 'openNow' } as const
  // Read at the moment React takes over, so a choice made while it loaded is kept.
  const early = (): EarlyInput => {
    for (const type of EVENTS) root.removeEventListener(type, onEvent, true)
    const chosen: EarlyInput = { nearest }
    for (const id of changed) {
      const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)
      const key = FIELDS[id as keyof typeof FIELDS]
      if (!input || !key) continue
      if (key === 'openNow') chosen.openNow = (input as HTMLInputElement).checked
      else chosen[key] = input.value
    }
    return chosen
  }
  const onEvent = (event: Event) => {
    if (event.type === 'click' && (event.target as Element | null)?.closest('.svc-near-btn')) nearest = true
    if ((event.type === 'change' || event.type === 'input') && event.target instanceof HTMLElement) changed.add(event.target.id)
    // A filter chosen while the island loads: the page's list gives way at once, with room kept
    // for the matches, so nothing moves when they arrive (the island keeps it so).
    if (event.type === 'change' || event.type === 'input' || nearest) {
      if (props.list) document.getElementById(props.list)?.setAttribute('hidden', '')
      root.classList.add('svc-waiting')
    }
    if (started) return
    started = true
    import('../islands/mountDirectory').then(
      ({ mountDirectory }) => mountDirectory(root, props, early),
      (error: unknown) => console.warn('服务目录的筛选未能载入', error),
    )
  }
  for (const type of EVENTS) root.addEventListener(type, onEvent, { capture: true, passive: true })
}
