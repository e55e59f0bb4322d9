/** The worker-service directory as open data (Open Referral HSDS 3.0): see site/lib/openData.ts. */
import type { APIRoute } from 'astro'

import { getOrganizations, getRegions, getServices } from '../../lib/content'
import { hsdsServicePage } from '../../lib/openData'
import { site } from '../../lib/site'

export const GET: APIRoute = async () => {
  const [services, regions, organizations] = await Promise.all([getServices(), getRegions(), getOrganizations()])
  const page = hsdsServicePage({ services, regions, organizations, siteUrl: site.url })
  return new Response(JSON.stringify(page, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
