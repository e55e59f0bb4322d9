import { settings } from '../../content-models/settings'
import { routes } from '../routes'

/** Site-wide settings a deploying union changes through the environment (content-models/settings.ts), not the code. */
export const site = {
  name: settings().siteName,
  tagline: settings().siteTagline,
  url: settings().siteUrl,
  /** The national union hotline comes first everywhere. */
  hotline: { number: '12351', label: '职工服务热线', hours: '24 小时' },
}

export const nav = [
  { href: routes.frontPage.url({}), label: '首页' },
  { href: routes.news.url({}), label: '新闻' },
  { href: routes.services.url({}), label: '职工服务' },
  { href: routes.hotlines.url({}), label: '热线' },
  { href: routes.homes.url({}), label: '职工之家' },
  { href: routes.models.url({}), label: '劳模风采' },
  { href: routes.organizations.url({}), label: '工会组织' },
  { href: routes.search.url({}), label: '搜索' },
] as const
