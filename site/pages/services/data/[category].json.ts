/** One category's directory items, which the directory island fetches when a filter asks for them. */
import type { APIRoute } from 'astro'

import { getDirectory } from '../../../lib/directoryContent'
import { touched, unreached } from '../../../lib/partial'
import { routes } from '../../../routes'

export async function getStaticPaths() {
  if (unreached(routes.servicesData)) return []
  const { facets } = await getDirectory()
  const categories = facets.find((f) => f.key === 'category')!.values
  return touched(
    routes.servicesData,
    categories.map((c) => ({ params: { category: c.value } })),
  )
}

export const GET: APIRoute = async ({ params }) => {
  const { items } = await getDirectory()
  const list = items.filter((i) => i.category === params.category)
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
