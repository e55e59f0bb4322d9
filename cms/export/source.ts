import type { Payload } from 'payload'

import { isDrafted } from '../../content-models/publicTypes'
import { asMediaStore, type MediaStore } from '../media/store'

/** A raw Payload document as either the Local API or REST returns it at depth 1. */
export type RawDoc = Record<string, any>

/**
 * Where published documents and media files come from: the embedded database in-process,
 * or a CMS elsewhere over REST. Both read as an anonymous visitor, so access control already
 * limits them to published documents; the exporter still filters `_status` itself.
 */
export interface ContentSource {
  list(collection: string): Promise<RawDoc[]>
  mediaFile(filename: string, url?: string): Promise<Buffer>
  describe: string
}

const PUBLISHED = { _status: { equals: 'published' } }

/** `media`: the media store, or the folder of a local one. */
export const localSource = (payload: Payload, media: MediaStore | string): ContentSource => ({
  describe: 'embedded database',
  async list(collection) {
    const result = await payload.find({
      collection: collection as never,
      where: isDrafted(collection) ? PUBLISHED : {},
      depth: 1,
      pagination: false,
      overrideAccess: false,
    })
    return result.docs as RawDoc[]
  },
  mediaFile: (filename) => asMediaStore(media).read(filename),
})

export const restSource = (baseUrl: string): ContentSource => {
  const base = baseUrl.replace(/(?<!\/)\/+$/, '')
  const get = async (url: string) => {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) }).catch((error: Error) => {
      throw new Error(`cannot reach the CMS at ${url}: ${error.cause instanceof Error ? error.cause.message : error.message}`, {
        cause: error,
      })
    })
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status} ${res.statusText}`)
    return res
  }
  return {
    describe: `CMS at ${base}`,
    async list(collection) {
      const docs: RawDoc[] = []
      for (let page = 1; ; page++) {
        const query = new URLSearchParams({ depth: '1', limit: '500', page: String(page) })
        if (isDrafted(collection)) query.set('where[_status][equals]', 'published')
        const body = (await (await get(`${base}/api/${collection}?${query}`)).json()) as { docs: RawDoc[]; hasNextPage: boolean }
        docs.push(...body.docs)
        if (!body.hasNextPage) return docs
      }
    },
    async mediaFile(filename, url) {
      const res = await get(url ? new URL(url, base).toString() : `${base}/api/media/file/${encodeURIComponent(filename)}`)
      return Buffer.from(await res.arrayBuffer())
    },
  }
}
