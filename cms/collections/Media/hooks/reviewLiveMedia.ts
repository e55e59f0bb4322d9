import { APIError, type CollectionAfterChangeHook, type CollectionBeforeOperationHook } from 'payload'

import { isReviewerUser } from '../../../access/roles'
import { rebuildPagesOf } from '../../../hooks/rebuildSite'
import { publishedUsesOf, type MediaUse } from '../usage'

const named = (uses: MediaUse[]) =>
  uses
    .slice(0, 3)
    .map((u) => `${u.label}「${u.title}」`)
    .join('、') + (uses.length > 3 ? ` 等 ${uses.length} 篇` : '')

/** Named explicitly: the compiled admin minifies class names, and Payload then shows a generic error. */
const refuse = (uses: MediaUse[]) =>
  Object.assign(
    new APIError(
      `这张图片正用于已发布的${named(uses)}，修改它会直接改变公众网站上的页面，只有审核人员可以修改。请联系审核人员；或上传一张新图片，在稿件的草稿里替换后送审。`,
      403,
      undefined,
      true,
    ),
    { name: 'APIError' },
  )

/**
 * An image a live page shows is live content: editors may change only images no published
 * document uses, as they may change only drafts. Checked before the operation, so a refused
 * change writes neither the document nor a file.
 */
export const reviewLiveMedia: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isReviewerUser(req.user)) return args
  const { id, where } = args as { id?: number | string; where?: unknown }
  const ids =
    id !== undefined
      ? [id]
      : (await req.payload.find({ collection: 'media', where: where as never, depth: 0, limit: 0, pagination: false, req })).docs.map(
          (d) => d.id,
        )
  for (const one of ids) {
    const uses = await publishedUsesOf(req.payload, one, req)
    if (uses.length) throw refuse(uses)
  }
  return args
}

/** A changed image reaches the live pages that show it: each is queued for a rebuild. */
export const rebuildPagesShowingMedia: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const uses = await publishedUsesOf(req.payload, doc.id, req)
  await rebuildPagesOf(
    req,
    uses.map((u) => ({ reason: `图片「${doc.alt ?? doc.filename}」已修改，${u.label}「${u.title}」随之更新`, doc: u })),
  )
  return doc
}
