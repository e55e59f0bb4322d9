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

/** What each page of a listing gets: its slice of items and how many items the listing has. */
export interface PagedListing<T> {
  page: ListingPage<T>
  count: number
}

/**
 * getStaticPaths entries for a listing routed as `…/[...page].astro`: page 1 at the base
 * (`page` param left out), page n at `page/n`; `params` and `props` are shared by every page.
 */
export const pagedPaths = <T, P extends object>(items: readonly T[], params: Record<string, string>, props: P) =>
  paginate(items).map((page) => ({
    params: { ...params, page: pageSegment(page.current) },
    props: { ...props, page, count: items.length },
  }))
