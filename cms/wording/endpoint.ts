import type { CollectionSlug, Endpoint } from 'payload'

import { publicContentSlugs } from '../../content-models/publicTypes'
import { checkDocument } from './checker'

/** A document's text as the admin sends it; a long article body in Lexical JSON is well under this. */
const MAX_BYTES = 2 * 1024 * 1024

const error = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

/**
 * POST /api/wording-rules/check { collection, data }: the findings in the form as staff are
 * writing it, for the panel beside each field and the review list. The same check the publish
 * gate runs, over what is in the form rather than what is saved.
 */
export const checkEndpoint: Endpoint = {
  path: '/check',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error('请先登录管理后台。', 401)
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BYTES) return error('要检查的内容太长（超过 2 MB），请分段保存后再检查。', 413)
    let body: { collection?: unknown; data?: unknown }
    try {
      const text = await req.text!()
      if (text.length > MAX_BYTES) return error('要检查的内容太长（超过 2 MB），请分段保存后再检查。', 413)
      body = JSON.parse(text)
    } catch {
      return error('检查请求不是有效的 JSON：应为 { "collection": "articles", "data": { … } }。', 400)
    }
    const { collection, data } = body
    if (typeof collection !== 'string' || !(publicContentSlugs as readonly string[]).includes(collection)) {
      return error(`collection 应为 ${publicContentSlugs.join('、')} 之一。`, 400)
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return error('data 应为文档各字段的值（对象）。', 400)
    const findings = await checkDocument(req.payload, collection as CollectionSlug, data as Record<string, unknown>, req)
    return Response.json({ findings })
  },
}
