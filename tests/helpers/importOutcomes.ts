import { outcomePagePath } from '../../cms/importer/admin/batchUrls'
import type { TestCms } from './payload'

/** Every outcome of a batch, read page by page over REST as the admin's table reads them. */
export const outcomesOf = async (rest: TestCms['rest'], id: number | string, token: string): Promise<any[]> => {
  const all: any[] = []
  for (let page = 1; ; page++) {
    const res = await rest('GET', outcomePagePath(id, page), { token })
    if (res.status !== 200) throw new Error(`outcomes of batch ${id}, page ${page}: ${res.status}`)
    all.push(...res.body.docs.flatMap((d: { outcomes: unknown[] }) => d.outcomes))
    if (!res.body.hasNextPage) return all
  }
}
