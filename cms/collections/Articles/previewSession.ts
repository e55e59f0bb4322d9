import type { PayloadRequest, TypedUser } from 'payload'
import { parseCookies } from 'payload/shared'

import { settings } from '../../../content-models/settings'

/**
 * The site's preview page is the one page on the site's origin that calls the CMS with a staff
 * member's session cookie. Payload ignores that cookie from any origin off its csrf list, and
 * the site's origin is not on it: a script on the site (a static host without our CSP, a
 * changed CDN file) could otherwise PATCH and DELETE as whoever is signed in. So this one
 * GET reads the cookie itself, as the bearer token Payload checks the same way.
 */
export const previewUser = async (req: PayloadRequest): Promise<TypedUser | null> => {
  if (req.user) return req.user
  if (req.headers.get('Origin') !== siteOrigin()) return null
  const token = parseCookies(req.headers).get(`${req.payload.config.cookiePrefix}-token`)
  if (!token) return null
  const { user } = await req.payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
  return user
}

const siteOrigin = () => new URL(settings().siteUrl).origin

/** Lets the site's preview page read this answer, with the cookie; no other origin, no other endpoint. */
export const previewCorsHeaders = (req: PayloadRequest): Record<string, string> =>
  req.headers.get('Origin') === siteOrigin()
    ? { 'Access-Control-Allow-Origin': siteOrigin(), 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
    : { Vary: 'Origin' }
