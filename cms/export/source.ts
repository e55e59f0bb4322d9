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

/** Documents per page over REST: a page of articles at depth 1 is a few megabytes. */
const PAGE = 500
/**
 * Documents per page from the embedded database, read and mapped in one task of the server's
 * event loop: about 40 ms of it for 200 articles at depth 1.
 */
const LOCAL_PAGE = 200

/**
 * A turn of the event loop between pages. The SQLite adapter answers synchronously, so the
 * whole export ran as one task without it: 36 s at 200k articles, in which the CMS answered no
 * request and the build lost its lease, which a timer renews.
 */
const letOthersGo = () => new Promise((resolve) => setImmediate(resolve))

/** All of a source's pages as one list. */
const collect = async (pages: AsyncGenerator<RawDoc[]>): Promise<RawDoc[]> => {
  const docs: RawDoc[] = []
  for await (const page of pages) docs.push(...page)
  return docs
}

/** `media`: the media store, or the folder of a local one; `pageSize` documents are read at a time. */
export const localSource = (payload: Payload, media: MediaStore | string, { pageSize = LOCAL_PAGE } = {}): ContentSource => {
  const pages = async function* (collection: string) {
    // After the last id read, not by page number: no count per page and no offset that grows
    // with the archive. Sorted by id: creation time ties for documents written together.
    for (let after: number | string | undefined; ;) {
      await letOthersGo()
      const found = await payload.find({
        collection: collection as never,
        where: { and: [isDrafted(collection) ? PUBLISHED : {}, ...(after === undefined ? [] : [{ id: { greater_than: after } }])] },
        depth: 1,
        sort: 'id',
        limit: pageSize,
        pagination: false,
        overrideAccess: false,
      })
      const docs = found.docs as RawDoc[]
      if (docs.length) yield docs
      if (docs.length < pageSize) return
      after = docs[docs.length - 1].id as number | string
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
