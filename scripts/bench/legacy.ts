import fs from 'node:fs/promises'
import path from 'node:path'

import iconv from 'iconv-lite'

import { benchArticle } from './corpus'
import { Random } from './random'

/**
 * Saved pages of the kind the archive importer reads, made from synthetic articles of their
 * own seed (so none duplicates the corpus): Discuz portal articles and DedeCMS pages in HTML,
 * forum posts and press releases as text, a share of them in GBK. Navigation, footers, forum
 * profile boxes and anti-scraping strings are there for the cleaner to remove.
 */
export type LegacyFormat = 'discuz' | 'dedecms' | 'forum' | 'release'

export interface LegacyPage {
  file: string
  format: LegacyFormat
  encoding: 'utf8' | 'gbk'
  title: string
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const NOISE = '!#%&*+-=?@^_~abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const noise = (r: Random) => Array.from({ length: r.int(5, 7) }, () => r.pick([...NOISE])).join('')

const beijing = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return { date: `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`, time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` }
}

const discuz = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${escape(a.title)} - 临江职工家园 - Powered by Discuz!</title>
<script type="text/javascript">var discuz_uid = '0';</script>
</head>
<body>
<div id="toptb"><a href="#">设为首页</a> | <a href="#">收藏本站</a> | <a href="#">手机版</a></div>
<div id="hd"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">工会要闻</a></li><li><a href="/fw">职工服务</a></li><li><a href="/bbs">职工论坛</a></li></ul></div>
<div class="login"><a href="/member.php?mod=logging">登录</a> <a href="/member.php?mod=register">立即注册</a></div></div>
<div id="pt" class="bm cl"><a href="/">首页</a> <em>&rsaquo;</em> <a href="/news">工会要闻</a> <em>&rsaquo;</em> 查看内容</div>
<div id="ct" class="wp cl"><div class="mn">
<div class="h hm"><h1 class="ph">${escape(a.title)}</h1>
<p class="xg1">${when.date} ${when.time}<span class="pipe">|</span> 发布者: ${author}<span class="pipe">|</span> 查看: ${r.int(20, 9000)}<span class="pipe">|</span> 评论: 0</p></div>
<div class="d"><table cellpadding="0" cellspacing="0"><tr><td id="article_content">
<p>来源：${escape(a.source)}</p>
${a.body.map((b) => (typeof b === 'string' ? `<p>${escape(b)}</p>` : `<p><strong>${escape(b.heading)}</strong></p>`)).join('\n')}
</td></tr></table></div>
<div class="bdshare"><span>分享到：</span><a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="bm"><div class="bm_h"><h3>相关阅读</h3></div><ul class="xl"><li><a href="#">职工技能大赛落幕</a></li><li><a href="#">送温暖活动启动</a></li></ul></div>
</div></div>
<div id="ft" class="wp cl"><p><a href="#">关于我们</a>|<a href="#">联系我们</a></p><p>Powered by Discuz! X3.2 &copy; 2001-2013 Comsenz Inc.</p></div>
</body>
</html>
`

const dedecms = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => `<html><head><meta charset="gb2312"><title>${escape(a.title)}_临江职工网</title></head>
<body>
<div class="header"><h1 class="logo"><a href="/">临江职工网</a></h1><div class="menu"><a>首页</a><a>工会动态</a><a>维权服务</a><a>劳模风采</a></div></div>
<div class="place">当前位置：<a>主页</a> &gt; <a>工会动态</a> &gt; </div>
<div class="viewbox">
<div class="title"><h2>${escape(a.title)}</h2></div>
<div class="info"><small>时间:</small>${when.date} ${when.time}<small>来源:</small>${escape(a.source)} <small>作者:</small>${author} <small>点击:</small> <script>document.write(${r.int(10, 900)})</script>次</div>
<div class="content"><table><tr><td>
${a.body.map((b) => (typeof b === 'string' ? `&nbsp;&nbsp;&nbsp;&nbsp;${escape(b)}<br />\n<br />` : `<strong>${escape(b.heading)}</strong><br />`)).join('\n')}
</td></tr></table></div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
<div class="handle"><div class="context"><ul><li>上一篇：<a>职工书屋开放</a></li><li>下一篇：没有了 </li></ul></div></div>
</div>
<div class="footer">Copyright &copy; 2002-2013 临江职工网 版权所有 Power by DedeCms</div>
</body></html>
`

const forum = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => [
  '首页每日签到会员列表最新帖子精华区社区服务帮助',
  `主题 : ${a.title}`,
  author,
  '级别: 论坛版主',
  `UID: ${r.int(1000, 90000)}`,
  `发帖: ${r.int(100, 40000)}`,
  `注册时间: ${r.int(2005, 2012)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
  `楼主 发表于: ${when.date} ${when.time}`,
  '',
  a.title,
  '',
  `        来源:${a.source} ${noise(r)}`,
  ...a.body.map((b) => `     ${typeof b === 'string' ? b : b.heading} ${r.chance(0.5) ? noise(r) : ''}`),
  '评价一下你浏览此帖子的感受',
  '',
  '精彩',
  '',
  '感动',
].join('\n')

const release = (_r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => [
  a.title,
  '',
  `${when.date} ${when.time}　来源：${a.source}　${author}`,
  '',
  ...a.body.map((b) => (typeof b === 'string' ? `　　${b}` : b.heading)),
  '',
].join('\n')

export const writeLegacyPages = async (dir: string, count: number, seed: string): Promise<LegacyPage[]> => {
  await fs.mkdir(dir, { recursive: true })
  const pages: LegacyPage[] = []
  for (let i = 0; i < count; i++) {
    const r = new Random(`${seed}:legacy:${i}`)
    const a = benchArticle(`${seed}:legacy`, i, 0)
    const format = r.weighted([['discuz', 4], ['dedecms', 2], ['forum', 2], ['release', 2]] as const)
    const encoding = format === 'dedecms' || r.chance(0.3) ? 'gbk' : 'utf8'
    const when = beijing(a.publishedAt)
    const author = a.author?.replace(/^(记者|通讯员|本报记者) /, '') ?? '管理员'
    const text = { discuz, dedecms, forum, release }[format](r, a, when, author)
    const file = path.join(dir, `${String(i).padStart(6, '0')}-${format}.${format === 'dedecms' ? 'htm' : format === 'discuz' ? 'html' : 'txt'}`)
    await fs.writeFile(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text)
    pages.push({ file, format, encoding, title: a.title })
  }
  return pages
}
