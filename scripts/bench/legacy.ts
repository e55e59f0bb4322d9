import fs from 'node:fs/promises'
import path from 'node:path'

import iconv from 'iconv-lite'

import { benchArticle } from './corpus'
import { Random } from './random'

/**
 * Saved pages of the kind the archive importer reads, made from synthetic articles of their
 * own seed (so none duplicates the corpus): Discuz portal articles, Discuz! X threads,
 * DedeCMS, government/TRS and WeChat pages and pages of no known platform (read through the
 * Readability fallback) in HTML, forum posts and press releases as text, a share of them in
 * GBK. Navigation, footers, forum profile boxes and anti-scraping strings are there for the
 * cleaner to remove.
 */
export type LegacyFormat = 'discuz' | 'thread' | 'dedecms' | 'trs' | 'wechat' | 'unknown' | 'forum' | 'release'

export interface LegacyPage {
  file: string
  format: LegacyFormat
  encoding: 'utf8' | 'gbk'
  title: string
  /** ISO 8601 (the page prints it to the minute). */
  publishedAt: string
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const NOISE = '!#%&*+-=?@^_~abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const noise = (r: Random) => Array.from({ length: r.int(5, 7) }, () => r.pick([...NOISE])).join('')

const beijing = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`,
    time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`,
  }
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

const dedecms = (
  r: Random,
  a: ReturnType<typeof benchArticle>,
  when: { date: string; time: string },
  author: string,
) => `<html><head><meta charset="gb2312"><title>${escape(a.title)}_临江职工网</title></head>
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

const paragraphsOf = (a: ReturnType<typeof benchArticle>, wrap: (text: string, heading: boolean) => string) =>
  a.body.map((b) => (typeof b === 'string' ? wrap(escape(b), false) : wrap(escape(b.heading), true))).join('\n')

const thread = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" /><meta name="generator" content="Discuz! X3.4" />
<title>${escape(a.title)} - 职工论坛 - 临江职工家园 - Powered by Discuz!</title></head>
<body id="nv_forum" class="pg_viewthread"><div id="hd"><div id="nv"><ul><li><a>论坛</a></li><li><a>家园</a></li><li><a>排行榜</a></li></ul></div></div>
<div id="ct" class="wp cl"><div id="postlist" class="pl bm">
<table><tr><td class="plc"><h1 class="ts"><span id="thread_subject">${escape(a.title)}</span></h1></td></tr></table>
<div id="post_${r.int(1000, 99999)}"><table><tr><td class="pls"><div class="authi"><a class="xw1">${escape(author)}</a></div>
<dl class="pil cl"><dt>注册时间</dt><dd>${r.int(2008, 2013)}-3-1${r.int(0, 9)}</dd><dt>最后登录</dt><dd>2025-11-${r.int(1, 9)}</dd></dl></td>
<td class="plc"><div class="pi"><strong><a>楼主</a></strong><div class="authi"><em id="authorposton1">发表于 <span title="${when.date} ${when.time}:00">${when.date} ${when.time}</span></em></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1">
<i class="pstatus"> 本帖最后由 ${escape(author)} 于 2025-1-2 08:00 编辑 </i><br />
${paragraphsOf(a, (t, h) => (h ? `<strong>${t}</strong><br />` : `${t}<font class="jammer">${escape(noise(r))}</font><br />\n<span style="display:none">${escape(noise(r))}</span><br />`))}
来源：${escape(a.source)}</td></tr></table></div></div></div>
<div class="sign">有困难找工会，拨打12351</div><div class="po"><a>回复</a> <a>举报</a></div></td></tr></table></div>
<div id="post_2"><table><tr><td class="plc"><strong>沙发</strong><em id="authorposton2">发表于 ${when.date} 23:59</em><div class="t_f" id="postmessage_2">支持一下</div></td></tr></table></div>
</div></div><div id="ft"><p>Powered by Discuz! X3.4</p><p>GMT+8, 2025-11-3 10:18</p></div></body></html>
`

const trs = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => `<!DOCTYPE html>
<html><head><meta charset="utf-8">
${r.chance(0.5) ? `<meta name="SiteName" content="临江市总工会"><meta name="ColumnName" content="工作动态"><meta name="ArticleTitle" content="${escape(a.title)}"><meta name="PubDate" content="${when.date} ${when.time}"><meta name="ContentSource" content="${escape(a.source)}"><meta name="Author" content="${escape(author)}">` : ''}
<title>${escape(a.title)}_工作动态_临江市总工会</title></head>
<body><div class="nav"><a>首页</a> | <a>工作动态</a> | <a>政务公开</a> | <a>职工服务</a></div>
<div class="location">当前位置：<a>首页</a> &gt; <a>工作动态</a></div>
<div class="article"><h2>${escape(a.title)}</h2>
<div class="info">发布时间：${when.date} ${when.time}　来源：<span>${escape(a.source)}</span>浏览次数：<span>${r.int(10, 9000)}</span>【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom"><div class="TRS_Editor"><style>.TRS_Editor P{line-height:2}</style>
${paragraphsOf(a, (t, h) => (h ? `<p><strong>${t}</strong></p>` : `<p style="text-indent:2em">${t}</p>`))}
</div></div>
<div class="tools">【<a>打印本页</a>】【<a>关闭窗口</a>】</div></div>
<div class="footer">主办：临江市总工会 网站标识码：1234000009 苏ICP备00000000号</div></body></html>
`

const wechat = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }) => {
  const ct = Math.floor(new Date(`${when.date}T${when.time}:00+08:00`).getTime() / 1000)
  const shown = r.chance(0.5)
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="${escape(a.title)}"><meta property="og:site_name" content="微信公众平台"><title>${escape(a.title)}</title></head>
<body id="activity-detail"><div id="js_article" class="rich_media"><div id="img-content">
<h1 class="rich_media_title" id="activity-name">
  ${escape(a.title)}
</h1>
<div id="meta_content"><span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">临江工会</a></span><em id="publish_time">${shown ? `${when.date} ${when.time}` : ''}</em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section style="text-align:center"><strong>点击蓝字 关注我们</strong></section>
${paragraphsOf(a, (t, h) => (h ? `<h2><strong>${t}</strong></h2>` : `<section><span style="font-size:16px">${t}</span></section>`))}
<p style="text-align:center"><img data-src="https://mmbiz.qpic.cn/mmbiz_gif/qr/640" src="./qr.gif"></p><p>长按识别二维码关注</p>
</div></div>
<div class="rich_media_tool"><a id="js_view_source">阅读原文</a><span>在看</span><span>分享</span><a>写留言</a></div>
<div id="js_pc_qr_code"><p>微信扫一扫<br>关注该公众号</p></div></div>
<script>var ct = "${ct}";</script></body></html>
`
}

const unknown = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) => `<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>${escape(a.title)} | 临江社区网</title></head>
<body><div class="site-top">欢迎访问临江社区网</div><div class="mainnav"><a>网站首页</a><a>社区动态</a><a>工会工作</a><a>便民服务</a></div>
<div class="wrap"><div class="left-col"><h3 class="art-tit">${escape(a.title)}</h3>
<div class="art-meta">作者：${escape(author)} 发布于 ${when.date} ${when.time} 阅读 ${r.int(10, 900)}</div>
<div class="art-body">
${paragraphsOf(a, (t, h) => (h ? `<p><b>${t}</b></p>` : `<p>${t}</p>`))}
</div><div class="art-foot">上一条：<a>社区开展消防演练</a> 下一条：<a>职工书屋新到图书</a></div></div>
<div class="right-col"><div class="widget"><div class="widget-tit">热门排行</div><ul><li><a>老年大学春季班开学</a></li><li><a>社区表彰优秀志愿者</a></li><li><a>卫生服务站调整开放时间</a></li></ul></div></div></div>
<div class="site-bottom">临江社区网 主办：临江街道办事处</div></body></html>
`

const forum = (r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) =>
  [
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

const release = (_r: Random, a: ReturnType<typeof benchArticle>, when: { date: string; time: string }, author: string) =>
  [
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
    const format = r.weighted([
      ['discuz', 2],
      ['thread', 2],
      ['dedecms', 1],
      ['trs', 1],
      ['wechat', 1],
      ['unknown', 1],
      ['forum', 1],
      ['release', 1],
    ] as const)
    // Discuz! forums and DedeCMS sites of that era are GBK; WeChat pages are always UTF-8.
    const encoding = format === 'dedecms' || format === 'thread' || (format !== 'wechat' && r.chance(0.3)) ? 'gbk' : 'utf8'
    const when = beijing(a.publishedAt)
    const author = a.author?.replace(/^(记者|通讯员|本报记者) /, '') ?? '管理员'
    const text = { discuz, thread, dedecms, trs, wechat, unknown, forum, release }[format](r, a, when, author)
    const extension = format === 'dedecms' ? 'htm' : format === 'forum' || format === 'release' ? 'txt' : 'html'
    const file = path.join(dir, `${String(i).padStart(6, '0')}-${format}.${extension}`)
    await fs.writeFile(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text)
    pages.push({ file, format, encoding, title: a.title, publishedAt: a.publishedAt })
  }
  return pages
}
