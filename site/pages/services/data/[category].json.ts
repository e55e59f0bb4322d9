/** One category's directory items, which the directory island fetches when a filter asks for them. */
import type { APIRoute } from 'astro'

import { getDirectory } from '../../../lib/directoryContent'
import { categoryDataFiles } from '../../../lib/directoryPages'
import type { DirectoryItem } from '../../../lib/serviceDirectory'
import { touched, unreached } from '../../../lib/partial'
import { routes } from '../../../routes'

export async function getStaticPaths() {
  if (unreached(routes.servicesData)) return []
  return touched(
    routes.servicesData,
    categoryDataFiles(await getDirectory()).map(({ params, items }) => ({ params, props: { items } })),
  )
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { items: DirectoryItem[] }).items), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
