import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'

import { getArticles } from '../lib/content'
import { dateModified } from '../lib/corrections'
import { site } from '../lib/site'
import { routes } from '../routes'

/** The latest 50 news items; the site URL comes from astro.config (SITE_URL). */
export const GET: APIRoute = async (context) => {
  const articles = (await getArticles()).slice(0, 50)
  return rss({
    title: `${site.name} · 新闻`,
    description: `${site.name}发布的工会新闻、基层动态和通知公告。`,
    site: context.site ?? site.url,
    trailingSlash: true,
    // dcterms:modified: when the piece last changed in substance (its latest 更新说明), site/lib/corrections.ts.
    xmlns: { dcterms: 'http://purl.org/dc/terms/' },
    items: articles.map((a) => ({
      title: a.title,
      link: routes.article.url({ slug: a.slug }),
      pubDate: new Date(a.publishedAt),
      description: a.summary ?? a.bodyText.slice(0, 120),
      categories: a.categories.map((c) => c.name),
      customData: `<dcterms:modified>${new Date(dateModified(a)).toISOString()}</dcterms:modified>`,
    })),
    customData: '<language>zh-cn</language>',
  })
}
