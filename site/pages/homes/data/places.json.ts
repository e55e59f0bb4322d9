/** Every workers' home with a place, for 离我最近: fetched when the button is pressed, never carried in the page. */
import type { APIRoute } from 'astro'

import { getWorkersHomes } from '../../../lib/content'
import { homePlaces } from '../../../lib/nearPlaces'

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(homePlaces(await getWorkersHomes())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
