/**
 * Paged listings. Page 1 of a listing lives at its base URL and page n at `${base}page/n/`,
 * the scheme components/Pagination.astro links to, so every listing pages the same way.
 */
export const PER_PAGE = 20

export interface ListingPage<T> {
  items: T[]
  current: number
  total: number
}

/** Splits items into pages; an empty list still has one (empty) page. */
export const paginate = <T>(items: readonly T[], perPage = PER_PAGE): ListingPage<T>[] => {
  const total = Math.max(1, Math.ceil(items.length / perPage))
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * perPage, (i + 1) * perPage), current: i + 1, total }))
}

/** The URL tail of page n below its base: nothing for page 1, `page/n` after that. */
export const pageSegment = (n: number): string | undefined => (n === 1 ? undefined : `page/${n}`)

/** Breadcrumb tail and title suffix for page n of a listing. */
export const pageLabel = (n: number) => `第 ${n} 页`
