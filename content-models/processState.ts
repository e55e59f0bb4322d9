/**
 * The one place this project keeps state for a whole process, and the reason it lives on
 * `globalThis`: one process may load the same module more than once — Astro loads site/ and
 * content-models/ modules in its config loader and again inside the page bundle (which the
 * resident renderer keeps loaded between rounds), and Next.js bundles the CMS's route handlers
 * apart from the server that starts the rebuilder — and every copy must see the same value.
 * Everything else passes state explicitly. Each slot, with the module that owns it:
 */
const slots = {
  /** content-models/settings.ts: the settings of this process (read from the environment once, then overridden by tests). */
  settings: 'union-portal.settings',
  /** site/snapshot.ts: the parsed snapshot, shared by the build, the publisher and the page bundle. */
  snapshotCache: 'union-portal.snapshot-cache',
  /**
   * site/lib/renderContext.ts: the current render round's context (its plan, its snapshot, what its pages computed),
   * made and entered by whoever starts the round. The pages read it in Astro's page bundle, and a page's
   * getStaticPaths takes no argument to hand it over in.
   */
  renderContext: 'union-portal.render-context',
  /** site/renderer/index.ts: this process's resident renderer, shared by every rebuilder in it. */
  sharedRenderer: 'union-portal.resident-renderer.shared',
  /** cms/publishing/rebuilder.ts: the one rebuilder of this process. */
  rebuilder: 'union-portal.rebuilder',
} as const

export type ProcessSlot = keyof typeof slots

export interface Slot<T> {
  get(): T | undefined
  set(value: T | undefined): void
}

/** The process-wide slot `name`; its owner gives the type. */
export const processSlot = <T>(name: ProcessSlot): Slot<T> => {
  const key = Symbol.for(slots[name])
  const holder = globalThis as unknown as Record<symbol, T | undefined>
  return {
    get: () => holder[key],
    set: (value) => {
      holder[key] = value
    },
  }
}
