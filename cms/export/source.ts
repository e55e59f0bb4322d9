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
  /**
   * The same documents a page at a time, so a reader can map each page and let the raw
   * documents go (200k articles at depth 1 would not fit a process's heap at once).
   */
  pages(collection: string): AsyncGenerator<RawDoc[]>
  mediaFile(filename: string, url?: string): Promise<Buffer>
  describe: string
}

const PUBLISHED = { _status: { equals: 'published' } }

/** Documents per page: a page of articles at depth 1 is a few megabytes. */
const PAGE = 500

/** All of a source's pages as one list. */
const collect = async (pages: AsyncGenerator<RawDoc[]>): Promise<RawDoc[]> => {
  const docs: RawDoc[] = []
  for await (const page of pages) docs.push(...page)
  return docs
}

/** `media`: the media store, or the folder of a local one. */
export const localSource = (payload: Payload, media: MediaStore | string): ContentSource => {
  const pages = async function* (collection: string) {
    for (let page = 1; ; page++) {
      // Sorted by id: the default order (creation time) ties for documents written together, and would page unstably.
      const result = await payload.find({
        collection: collection as never,
        where: isDrafted(collection) ? PUBLISHED : {},
        depth: 1,
        sort: 'id',
        limit: PAGE,
        page,
        overrideAccess: false,
      })
      yield result.docs as RawDoc[]
      if (!result.hasNextPage) return
    }
  }
  return {
    describe: 'embedded database',
    list: (collection) => collect(pages(collection)),
    pages,
    mediaFile: (filename) => asMediaStore(media).read(filename),
  }
}

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
  const pages = async function* (collection: string) {
    for (let page = 1; ; page++) {
      const query = new URLSearchParams({ depth: '1', limit: String(PAGE), page: String(page), sort: 'id' })
      if (isDrafted(collection)) query.set('where[_status][equals]', 'published')
      const body = (await (await get(`${base}/api/${collection}?${query}`)).json()) as { docs: RawDoc[]; hasNextPage: boolean }
      yield body.docs
      if (!body.hasNextPage) return
    }
  }
  return {
    describe: `CMS at ${base}`,
    list: (collection) => collect(pages(collection)),
    pages,
    async mediaFile(filename, url) {
      const res = await get(url ? new URL(url, base).toString() : `${base}/api/media/file/${encodeURIComponent(filename)}`)
      return Buffer.from(await res.arrayBuffer())
    },
  }
}
