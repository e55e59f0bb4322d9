import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'

import { getArticles } from '../lib/content'
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
    items: articles.map((a) => ({
      title: a.title,
      link: routes.article.url({ slug: a.slug }),
      pubDate: new Date(a.publishedAt),
      description: a.summary ?? a.bodyText.slice(0, 120),
      categories: a.categories.map((c) => c.name),
    })),
    customData: '<language>zh-cn</language>',
  })
}
