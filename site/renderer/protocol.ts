import type { PartialPlan } from '../lib/partial'
import type { SnapshotUpdate } from '../../content-models/changes'

/** Messages between the publisher (site/renderer/index.ts) and the resident renderer (child.ts). */
export type ToRenderer = { type: 'render'; id: number; plan: PartialPlan; outDir: string; update?: SnapshotUpdate }

export type FromRenderer =
  | { type: 'ready'; seconds: number; assets: string[] }
  | { type: 'rendered'; id: number; seconds: number }
  | { type: 'failed'; id?: number; error: string }
