/** Site-wide settings a deploying union changes through the environment, not the code. */
export const site = {
  name: process.env.SITE_NAME ?? '江南市总工会',
  tagline: process.env.SITE_TAGLINE ?? '新闻与职工服务',
  url: (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, ''),
  /** The national union hotline comes first everywhere. */
  hotline: { number: '12351', label: '职工服务热线', hours: '24 小时' },
}

export const nav = [
  { href: '/', label: '首页' },
  { href: '/news/', label: '新闻' },
  { href: '/services/', label: '职工服务' },
  { href: '/hotlines/', label: '热线' },
  { href: '/homes/', label: '职工之家' },
  { href: '/models/', label: '劳模风采' },
  { href: '/organizations/', label: '工会组织' },
  { href: '/search/', label: '搜索' },
] as const
