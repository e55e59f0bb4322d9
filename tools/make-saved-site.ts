/**
 * Writes a union portal's old site as `wget --mirror` leaves it, for trying the archive
 * import as staff would (zip it and upload it in 内容 › 导入旧网页, or `npm run import` the
 * folder): `npx tsx tools/make-saved-site.ts <dir> [articles]`.
 *
 * The host is the top folder; three DedeCMS-style columns (`/a/xinwen/list_1_2.html`,
 * `/a/xinwen/2019/0312/123.html`), a home page, tag and search pages, a print copy
 * (`/plus/print.php?aid=…`) and a phone copy (`/m/view.php?aid=…`) of every fifth article, and a
 * Discuz-style forum with thread lists, threads and their second pages; the same header, menu,
 * sidebar and footer on every desktop page. The text is the benchmark's generated union news
 * about the fictional 临江市 (scripts/bench/corpus.ts). It prints what an import should do:
 * how many pages are articles and how many should be skipped.
 */
import fs from 'node:fs'
import path from 'node:path'

import { benchArticle } from '../scripts/bench/corpus'

const [dir, countArg] = process.argv.slice(2)
if (!dir) {
  console.error('usage: npx tsx tools/make-saved-site.ts <dir> [articles]')
  process.exit(2)
}
const HOST = 'www.ljzgh.gov.cn'
const root = path.join(dir, HOST)
const articles = Math.max(30, Number(countArg ?? 240))
const PER_LIST = 20

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString()

const columns = [
  { slug: 'xinwen', name: '工会新闻' },
  { slug: 'tongzhi', name: '通知公告' },
  { slug: 'weiquan', name: '维权服务' },
]

interface Item {
  id: number
  column: (typeof columns)[number]
  title: string
  paragraphs: string[]
  source: string
  author?: string
  when: string
  url: string
}

const items: Item[] = Array.from({ length: articles }, (_, i) => {
  const a = benchArticle('saved-site', i, 0)
  const when = beijing(a.publishedAt)
  const column = columns[i % columns.length]!
  const id = 1000 + i
  return {
    id,
    column,
    title: a.title,
    paragraphs: a.body.map((b) => (typeof b === 'string' ? b : b.heading)),
    source: a.source,
    author: a.author,
    when,
    url: `/a/${column.slug}/${when.slice(0, 4)}/${when.slice(5, 7)}${when.slice(8, 10)}/${id}.html`,
  }
})

const page = (title: string, main: string) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
<div class="top"><a href="/">设为首页</a> | <a href="/">加入收藏</a> | <a href="/m/">手机版</a></div>
<div class="logo"><h1>临江市总工会</h1></div>
<div class="nav"><a href="/">首页</a> ${columns.map((c) => `<a href="/a/${c.slug}/">${c.name}</a>`).join(' ')} <a href="/bbs/">职工论坛</a></div>
<div class="main">${main}</div>
<div class="side"><h3>服务热线</h3><p>职工维权热线 12351，周一至周五 9:00—17:00。</p><h3>友情链接</h3><ul><li><a href="http://www.acftu.org/">中华全国总工会</a></li></ul></div>
<div class="foot"><p>主办：临江市总工会 地址：临江市东湖路1号</p><p>版权所有 临江市总工会 备案号：临ICP备00000001号</p></div>
</body></html>`

const articleMain = (
  a: Item,
) => `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/a/${a.column.slug}/">${a.column.name}</a> &gt; 正文</div>
<div class="article"><h2 class="title">${escape(a.title)}</h2>
<div class="info">发布时间：${a.when.slice(0, 10)} ${a.when.slice(11, 16)}　来源：${escape(a.source)}${a.author ? `　作者：${escape(a.author)}` : ''}　点击：<script>document.write(123)</script></div>
<div class="content">${a.paragraphs.map((p) => `<p>　　${escape(p)}</p>`).join('\n')}</div>
<div class="tools"><a href="/plus/print.php?aid=${a.id}">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prenext">上一篇：<a href="/">返回列表</a></div></div>`

const write = (rel: string, html: string) => {
  const file = path.join(root, ...rel.split('/'))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, html)
}
const link = (a: Item) => `<li><a href="${a.url}">${escape(a.title)}</a><span>${a.when.slice(0, 10)}</span></li>`

let skips = 0
// Articles, and a print and a phone copy of every fifth.
for (const a of items) {
  write(a.url, page(`${a.title}_临江市总工会`, articleMain(a)))
  if (a.id % 5 === 0) {
    write(
      `plus/print.php?aid=${a.id}.html`,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(a.title)} - 打印本页</title></head><body><h2>${escape(a.title)}</h2><p>发布时间：${a.when.slice(0, 10)} 来源：${escape(a.source)}</p>${a.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}<p><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></p></body></html>`,
    )
    write(
      `m/view.php?aid=${a.id}.html`,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(a.title)}_临江工会手机版</title></head><body><div class="mhead">临江工会手机版</div><h1>${escape(a.title)}</h1><p>${a.when.slice(0, 10)}</p>${a.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}<div class="mfoot">返回电脑版 | 回到顶部</div></body></html>`,
    )
    skips += 2
  }
}
// Column lists with pagination, the home page, tags and a search page.
for (const c of columns) {
  const own = items.filter((a) => a.column === c).sort((x, y) => y.when.localeCompare(x.when))
  const pages = Math.ceil(own.length / PER_LIST)
  for (let p = 1; p <= pages; p++) {
    const pager = `<div class="pages">共${pages}页 ${p > 1 ? `<a href="list_1_${p - 1}.html">上一页</a>` : ''} ${p < pages ? `<a href="list_1_${p + 1}.html">下一页</a>` : ''} <a href="list_1_${pages}.html">尾页</a></div>`
    const html = page(
      `${c.name}_临江市总工会`,
      `<h2>${c.name}</h2><ul class="list">${own
        .slice((p - 1) * PER_LIST, p * PER_LIST)
        .map(link)
        .join('')}</ul>${pager}`,
    )
    write(`a/${c.slug}/list_1_${p}.html`, html)
    skips++
    if (p === 1) {
      write(`a/${c.slug}/index.html`, html)
      skips++
    }
  }
}
write(
  'index.html',
  page(
    '临江市总工会',
    columns
      .map(
        (c) =>
          `<h2>${c.name}</h2><ul>${items
            .filter((a) => a.column === c)
            .slice(0, 8)
            .map(link)
            .join('')}</ul>`,
      )
      .join(''),
  ),
)
write(
  'tags/jinqiuzhuxue.html',
  page('金秋助学_标签_临江市总工会', `<h2>标签：金秋助学</h2><ul>${items.slice(0, 12).map(link).join('')}</ul>`),
)
write(
  'search.php?q=职工书屋.html',
  page('搜索结果_临江市总工会', `<h2>搜索：职工书屋</h2><ul>${items.slice(3, 9).map(link).join('')}</ul>`),
)
skips += 3

// The forum: a thread list and threads, two of them with a second page of replies.
const threads = items.slice(0, Math.min(12, items.length)).map((a, i) => ({ tid: 50 + i, a }))
const forumPage = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)} - 临江职工论坛 - Powered by Discuz!</title></head><body><div id="toptb">临江职工论坛 <a href="member.php?mod=logging">登录</a> | <a href="member.php?mod=register">立即注册</a></div><div id="pt">论坛 » 职工之家</div>${main}<div id="ft">Powered by Discuz! X3.4 © 2001-2020 Comsenz Inc.</div></body></html>`
write(
  'bbs/forum-2-1.html',
  forumPage(
    '职工之家',
    `<table>${threads.map((t) => `<tr><th><a href="thread-${t.tid}-1-1.html">职工话题：${escape(t.a.title)}</a></th><td>${t.a.when.slice(0, 10)}</td></tr>`).join('')}</table><div class="pg">共1页</div>`,
  ),
)
skips++
for (const [i, t] of threads.entries()) {
  const posted = t.a.when
  write(
    `bbs/thread-${t.tid}-1-1.html`,
    forumPage(
      `职工话题：${t.a.title}`,
      `<div id="postlist"><div id="post_${t.tid}0"><table><tr><td class="pls"><div class="pi"><a class="xw1">会员${t.tid}</a></div><dl class="pil"><dt>注册时间</dt><dd>2012-5-1</dd></dl></td>
<td class="plc"><h1 class="ts"><span id="thread_subject">职工话题：${escape(t.a.title)}</span></h1><div class="authi"><em id="authorposton${t.tid}0">发表于 ${posted.slice(0, 10)} ${posted.slice(11, 16)}</em></div>
<div class="t_fsz"><table><tr><td class="t_f" id="postmessage_${t.tid}0">${t.a.paragraphs.slice(0, 3).map(escape).join('<br />\n')}</td></tr></table></div></td></tr></table></div>
<div id="post_${t.tid}1"><table><tr><td class="plc"><div class="authi"><em>发表于 ${posted.slice(0, 10)} 20:00</em></div><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_${t.tid}1">支持工会，谢谢分享！</td></tr></table></div></td></tr></table></div></div>`,
    ),
  )
  if (i < 2) {
    write(
      `bbs/thread-${t.tid}-2-1.html`,
      forumPage(
        `职工话题：${t.a.title}`,
        `<div id="postlist"><div id="post_${t.tid}9"><div class="authi"><em>发表于 ${posted.slice(0, 10)} 21:00</em></div><div class="t_f">第二页的回复：我们单位也这样做了。</div></div></div>`,
      ),
    )
    skips++
  }
}

const total = fs.readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.html')).length
console.log(
  `${root}: ${total} pages; ${items.length + threads.length} articles (${items.length} news and ${threads.length} forum threads), ${skips} to skip`,
)
