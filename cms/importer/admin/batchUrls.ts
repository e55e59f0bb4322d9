/** The fields a poll of a running batch reads: the counts, never the report (up to 200,000 characters). */
const POLLED = ['name', 'status', 'publish', 'pages', 'done', 'imported', 'duplicates', 'skipped', 'failed', 'ignored', 'renamed', 'error']

/** REST path (under /api) of a batch as the admin panel polls it. */
export const polledBatchPath = (id: number | string) =>
  `/import-batches/${encodeURIComponent(String(id))}?depth=0&${POLLED.map((field) => `select[${field}]=true`).join('&')}`

/** REST path (under /api) of one page of a batch's outcomes: a stored piece a page (ImportOutcomes.ts). */
export const outcomePagePath = (id: number | string, page: number) =>
  `/import-outcomes?${new URLSearchParams({ depth: '0', sort: 'first', limit: '1', page: String(page), 'where[batch][equals]': String(id) })}`
