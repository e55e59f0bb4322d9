import type { Endpoint } from 'payload'

import * as map from '../../export/map'
import { previewCorsHeaders, previewUser } from './previewSession'

/**
 * GET /api/articles/:id/preview — the latest draft in the snapshot's shape, for staff only,
 * so the site's preview page renders it exactly like a published article. Images point at
 * the CMS because a draft's new upload is not on the live site yet.
 */
export const articlePreview: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const cors = previewCorsHeaders(req)
    const user = await previewUser(req)
    if (!user) return Response.json({ errors: [{ message: '请先登录管理后台，再打开预览。' }] }, { status: 401, headers: cors })
    const id = req.routeParams?.id as string
    const doc = await req.payload
      .findByID({ collection: 'articles', id, draft: true, depth: 1, overrideAccess: false, user, req })
      .catch(() => undefined)
    if (!doc) return Response.json({ errors: [{ message: '找不到这篇稿件，或您无权查看。' }] }, { status: 404, headers: cors })
    // The latest version is always a draft once it has unpublished changes; whether the article
    // is live is the main document's status.
    const live = (await req.payload.db.findOne({ collection: 'articles', where: { id: { equals: doc.id } }, req })) as {
      _status?: string
    } | null
    const files = new Map<string, string | undefined>()
    const article = map.article(
      doc as never,
      map.mediaCollector((file, url) => files.set(file, url)),
    )
    const mediaUrls = Object.fromEntries([...files].map(([file, url]) => [file, url ?? `/api/media/file/${encodeURIComponent(file)}`]))
    return Response.json(
      {
        article: { ...article, publishedAt: article.publishedAt ?? new Date().toISOString() },
        status: live?._status === 'published' ? 'published' : 'draft',
        mediaUrls,
      },
      { headers: { ...cors, 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } },
    )
  },
}
