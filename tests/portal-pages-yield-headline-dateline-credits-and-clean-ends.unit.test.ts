import { describe, expect, it } from 'vitest'

import { blockText } from '../cms/importer/blocks'
import { beijingDay } from '../cms/importer/date'
import { parsePage } from '../cms/importer/parse'
import { bodyHtml, paragraphs, portalPage } from './helpers/portalPages'

const headline = '江南市启动新就业形态劳动者入会集中行动'
const h1 = `<h1 class="article-title">${headline}</h1>`

const read = (html: string, file = 'page.html') => {
  const page = parsePage(new TextEncoder().encode(html), file)
  const blocks = page.blocks.map(blockText).filter(Boolean)
  return { ...page, first: blocks[0] ?? '', last: blocks.at(-1) ?? '', body: blocks.join('\n') }
}

/** Words of the template and of the promos that must never reach a body. */
const chrome =
  /当前位置|热点新闻|手机版|版权所有|江ICP备|责任编辑|本文来源|声明|延伸阅读|热点推荐|下载客户端|扫码|公众号|点击进入专题|纠错|分享到|打印|原标题|记者|2018-06-01/

const expectCleanEnds = (page: ReturnType<typeof read>) => {
  expect(page.first).toContain(paragraphs[0].slice(0, 20))
  expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
  expect(page.body).not.toMatch(chrome)
}

describe('dates on portal pages', () => {
  it('reads a dateline span beside the source under the headline', () => {
    const page = read(
      portalPage({
        title: `${headline}-江南职工网`,
        header: `${h1}<div class="info"><span class="time">2019-10-08 10:31</span><span class="source">来源：江南日报</span></div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.publishedAt).toBe(new Date('2019-10-08T10:31:00+08:00').toISOString())
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it.each(['江南日报 网友评论 12 条', '江南日报 举报'])('reads the source without the link after it: %s', (info) => {
    const page = read(portalPage({ header: `${h1}<div class="info">2021-04-28 来源：${info}</div>`, article: bodyHtml() }))
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it.each([
    ['a date run into it', '<div class="info">来源：江南日报2021-04-28 10:31</div>'],
    ['the reporter beside it', '<div class="info">2021-04-28 10:31 来源：江南日报 林晓燕</div>'],
    ['the site beside it', '<div class="info">2021-04-28 10:31 来源：江南日报 江南职工网</div>'],
    ['the 选稿 editor after it', '<div class="info">2021-04-28 10:31 来源：江南日报 选稿：王磊</div>'],
  ])('reads the source without %s', (_, info) => {
    const page = read(portalPage({ header: `${h1}${info}`, article: bodyHtml() }))
    expect(page.source).toBe('江南日报')
    expect(page.publishedAt).toBe(new Date('2021-04-28T10:31:00+08:00').toISOString())
    expectCleanEnds(page)
  })

  it('reads the source without the site beside it on a government-style page', () => {
    const page = read(`<!DOCTYPE html><html><head><title>${headline}_江南市人民政府</title></head><body>
<h1>${headline}</h1><div class="info">发布时间：2021-04-28 10:31 来源：江南发布 江南市人民政府网 浏览次数：12</div>
<div class="TRS_Editor">${bodyHtml()}</div><div class="foot">江南市人民政府 网站标识码3301000001</div></body></html>`)
    expect(page.platform).toBe('政府网站')
    expect(page.source).toBe('江南发布')
  })

  it('reads the publisher printed alone beside the date as the source', () => {
    const page = read(
      portalPage({ header: `${h1}<div class="info"><span>2022-02-13 09:57</span> <span>青湖发布</span></div>`, article: bodyHtml() }),
    )
    expect(page.publishedAt).toBe(new Date('2022-02-13T09:57:00+08:00').toISOString())
    expect(page.source).toBe('青湖发布')
    expectCleanEnds(page)
  })

  it('reads 年月日 with a time, and never a date from the sidebar list', () => {
    const page = read(
      portalPage({
        header: `${h1}<p class="date">2019年09月25日 08:12　来源：青湖区总工会</p>`,
        article: bodyHtml(),
      }),
    )
    expect(page.publishedAt).toBe(new Date('2019-09-25T08:12:00+08:00').toISOString())
    expect(page.source).toBe('青湖区总工会')
  })

  it('takes the year from a meta tag when the page prints a date without one', () => {
    const page = read(
      portalPage({
        head: '<meta name="publishdate" content="2019-09-25">',
        header: `${h1}<div class="info">09-25 08:12 来源：江南日报</div>`,
        article: bodyHtml(),
      }),
    )
    expect(beijingDay(page.publishedAt)).toBe('2019-09-25')
  })

  it.each([
    ['article:published_time', '<meta property="article:published_time" content="2020-05-01T09:30:00+08:00">', '2020-05-01'],
    ['pubdate', '<meta name="pubdate" content="2020-05-02 10:00:00">', '2020-05-02'],
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2020-05-03T08:00:00+08:00"}</script>',
      '2020-05-03',
    ],
    ['a dated URL', '<link rel="canonical" href="http://www.jnzgw.cn/news/2020-05/04/c_1234.htm">', '2020-05-04'],
    ['a compact dated URL', '<link rel="canonical" href="http://www.jnzgw.cn/gh/20200505/t20200505_88.html">', '2020-05-05'],
    ['a DedeCMS address', '<link rel="canonical" href="http://www.jnzgw.cn/a/xinwen/2020/0506/123.html">', '2020-05-06'],
  ])('reads the date from %s when the page prints none', (_, head, day) => {
    const page = read(portalPage({ head, header: h1, article: bodyHtml() }))
    expect(beijingDay(page.publishedAt)).toBe(day)
    expectCleanEnds(page)
  })

  it('takes the time from the dateline when the meta tag names only the day', () => {
    const page = read(
      portalPage({
        head: '<meta name="publishdate" content="2022-02-13">',
        header: `${h1}<div class="info">2022-02-13 07:00:00来源：江南日报</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.publishedAt).toBe(new Date('2022-02-13T07:00:00+08:00').toISOString())
  })

  it('finds the dateline under a long headline the article repeats, above share buttons and a kicker', () => {
    const long = '江南市启动新就业形态劳动者入会集中行动首批三百余人入会'
    const page = read(
      portalPage({
        title: `${long}_江南职工网`,
        header: `<div class="tit">${long}</div><div class="info">发布时间：2022-02-13 04:22:18 来源：江南日报</div><div class="share">分享到：<a><img src="/i/wx.png" alt=""></a><a><img src="/i/wb.png" alt=""></a><a><img src="/i/qq.png" alt=""></a></div>`,
        article: `<h3>三百余人</h3><h2>${long}</h2>${bodyHtml()}`,
      }),
    )
    expect(page.title).toBe(long)
    expect(page.publishedAt).toBe(new Date('2022-02-13T04:22:18+08:00').toISOString())
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it('reads an e-paper page date from the element whose id names it, and not from a list of other articles', () => {
    const page = read(
      portalPage({
        header: `<div class="paper"><span id="paperdate">2022年02月13日</span> 第03版</div><ul><li><span class="time">2018-06-01</span></li></ul>${h1}`,
        article: bodyHtml(),
      }),
    )
    expect(beijingDay(page.publishedAt)).toBe('2022-02-13')
  })

  it("never takes the day a page was saved, which a top bar shows in an element named only 'date'", () => {
    const page = read(portalPage({ header: `<div id="date">2026年12月7日 星期一</div>${h1}`, article: bodyHtml() }))
    expect(page.publishedAt).toBeUndefined()
  })

  it('keeps the article date, not a much later repost line at the end', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">发布时间：2016-03-07 09:00 来源：江南日报</div>`,
        article: `${bodyHtml()}<p>（本文于2023年1月5日转载至本站）</p>`,
      }),
    )
    expect(beijingDay(page.publishedAt)).toBe('2016-03-07')
  })
})

describe('headlines', () => {
  it('takes the <h1> when <title> names only the column and the site', () => {
    const page = read(portalPage({ title: '新闻动态--江南市职工技术协会官网', header: h1, article: bodyHtml() }))
    expect(page.title).toBe(headline)
  })

  it('drops the site name glued on with a space or a dash', () => {
    for (const title of [`${headline} 江南市第一人民医院`, `${headline}_江南职工网`, `${headline} - 江南日报`]) {
      const page = read(portalPage({ title, header: '<div class="tit">&nbsp;</div>', article: bodyHtml() }))
      expect(page.title).toBe(headline)
    }
  })

  it('drops og:site_name from og:title', () => {
    const page = read(
      portalPage({
        head: `<meta property="og:title" content="${headline} | 江南职工网"><meta property="og:site_name" content="江南职工网">`,
        header: '',
        article: bodyHtml(),
      }),
    )
    expect(page.title).toBe(headline)
  })

  it('never takes 原标题 as the title, nor keeps it in the body', () => {
    const page = read(
      portalPage({
        title: `${headline}_江南职工网`,
        header: h1,
        article: `<p>原标题：千余名快递小哥有了“娘家”</p>${bodyHtml()}`,
      }),
    )
    expect(page.title).toBe(headline)
    expectCleanEnds(page)
  })

  it('takes the heading that repeats a short, punctuated <title> over a sidebar heading', () => {
    const short = '突发！江南暴雨'
    const page = read(
      portalPage({
        title: short,
        header: `<h1 id="ivs_title">${short}</h1><div class="info">2024-05-20 13:31</div>`,
        article: bodyHtml(),
        after: '<div class="hotSearch"><h1>热点搜索</h1><input type="text" aria-label="请输入搜索关键词"></div>',
      }),
    )
    expect(page.title).toBe(short)
    expectCleanEnds(page)
  })

  it('keeps a headline of two clauses in one <h1>, which a slogan above it would have in parts of one length', () => {
    const twoClauses = '从技能比武看队伍建设 江南再添技术能手'
    const page = read(
      portalPage({
        title: `${twoClauses}-江南职工网`,
        header: `<h1>${twoClauses}</h1><div class="info">JNZGW.CN 2024年05月13日14:15</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.title).toBe(twoClauses)
    expect(page.tags).toEqual([])
    expectCleanEnds(page)
  })
})

describe('credits and promos at the ends of the body', () => {
  it('moves source and editor lines into their fields and cuts promos, statements and related reading', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2021-04-28 16:20</div>`,
        article: `${bodyHtml()}
<p>本文来源：江南日报</p>
<p>声明：本网转载此文是出于传递更多信息之目的，若有来源标注错误或侵犯了您的合法权益，请与本网联系。</p>
<p>【纠错】 责任编辑：周敏</p>`,
        after: `<div class="promo"><p>下载江南职工客户端，随时随地看工会新闻</p><p>扫码关注“江南工会”微信公众号</p></div>
<div class="zt"><a href="/zt/2021/">点击进入专题：劳动者之歌</a></div>
<div class="yanshen"><h4>延伸阅读</h4><ul><li><a href="/a/1.htm">全市户外劳动者服务站点达到三百个</a></li><li><a href="/a/2.htm">快递员权益保障座谈会召开</a></li></ul></div>
<div class="hot"><h4>热点推荐</h4><ul><li><a href="/a/3.htm">劳模工匠进校园</a></li></ul></div>`,
      }),
    )
    expect(page.source).toBe('江南日报')
    expect(page.responsibleEditor).toBe('周敏')
    expectCleanEnds(page)
  })
})

describe('what portals print under the text', () => {
  it.each([
    ['a keyword line', '<p class="keywords">关键字 : 新就业形态 入会</p>'],
    [
      'a comment box with the comments in it',
      `<div class="cmt"><p>36条评论|1,204人参与网友评论</p><p>最热评论</p><p>青湖老刘江南市</p>
<p>快递小哥终于有了自己的家，点赞江南市总工会！</p><p>12月3日11:02举报赞85回复</p></div>`,
    ],
    ['a platform statement', '<p>平台声明：该文观点仅代表作者本人，江南号系信息发布平台，本站仅提供信息存储空间服务。</p>'],
    [
      "a platform's statement with no label and the comments under it",
      '<p>以上内容（包括图片及视频）为创作者平台“江南号”用户上传并发布，本平台仅提供信息存储服务</p><p>写得真好，江南工会为职工办了一件实事，我们快递员终于有了歇脚的地方！</p>',
    ],
    ['a reprint notice', '<p>江南职工网（www.jnzg.cn）专稿，未经书面授权请勿转载。</p>'],
    ['an original-work notice', '<p>本作品为“江南工会科普”原创，转载时务请注明出处。</p>'],
    ['a link to the rest of the text', '<p>《江南日报》（2021年12月04日 03版）</p><p>阅读剩余全文（）</p>'],
    ['production credits', '<p>总监制：王 磊</p><p>监 制：林晓燕</p><p>审 读：周 敏</p>'],
  ])('ends the text before %s', (_, tail) => {
    const page = read(portalPage({ header: `${h1}<div class="info">2021-12-03 10:20</div>`, article: `${bodyHtml()}${tail}` }))
    expect(page.last).toMatch(new RegExp(`${paragraphs.at(-1)!.slice(-20)}$|^《江南日报》（2021年12月04日 03版）$`))
    expect(page.body).not.toMatch(/关键字|评论|举报|平台声明|信息存储|歇脚的地方！|专稿|转载|阅读剩余全文|监\s*制|审\s*读/)
  })
})

describe('titles', () => {
  it.each([
    ['the site name', '江南职工网'],
    ['a channel', '江南网娱乐'],
    ['the host name', 'www.jnzgw.example.cn'],
  ])('take the headline when <title> names only %s and no heading holds it', (_, title) => {
    const page = read(
      portalPage({
        title,
        header: `<div class="crumb">江南职工网 > 工会要闻 > 正文</div><div class="bt">${headline}</div><div class="info">2021-04-28 来源：江南日报</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.publishedAt).toBe(new Date('2021-04-28T09:00:00+08:00').toISOString())
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })
})

describe('links around the text', () => {
  it('cuts a promo link above the first paragraph and links to other pages below the last', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2021-04-28 来源：江南日报</div>`,
        article: `<p><a href="/sms/">发短信到1234 随时看工会新闻</a></p>
${bodyHtml()}
<p><a href="/a/1.html">青湖区职工书屋焕新开放</a></p>
<p><a href="/a/2.html">劳模工作室成果发布</a> <a href="/a/3.html">职工推荐</a></p>`,
      }),
    )
    expect(page.title).toBe(headline)
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/发短信|职工书屋|劳模工作室|职工推荐/)
  })

  it("keeps a notice's attachments, which are links", () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2021-04-28</div>`,
        article: `${bodyHtml()}<p><a href="/u/1.xlsx">附件：2021年职工书屋名单.xlsx</a></p><p><a href="/u/2.docx">2.申报表.docx</a></p>`,
      }),
    )
    expect(page.body).toContain('附件：2021年职工书屋名单.xlsx\n2.申报表.docx')
  })

  it('keeps a last paragraph that links a few words of a sentence', () => {
    const closing = '详情可登录<a href="/fw/">江南职工网服务专区</a>查询。'
    const page = read(portalPage({ header: `${h1}<div class="info">2021-04-28</div>`, article: `${bodyHtml()}<p>${closing}</p>` }))
    expect(page.last).toBe('详情可登录江南职工网服务专区查询。')
  })
})

describe('a modern page of 400 kB, most of it scripts, icons and styles', () => {
  it('still has Readability bound the article: the next article teased below it stays out', () => {
    const script = `<script>window.__config = ${JSON.stringify({ items: Array.from({ length: 3000 }, (_, i) => ({ id: i, name: `频道${i}`, url: `/c/${i}.html` })) })}</script>`
    const icons = Array.from(
      { length: 200 },
      (_, i) =>
        `<svg viewBox="0 0 1024 1024"><path d="M${i} 894.002286c0 17.696 ${'14.299429 32 32 32h286.002286v-376H160v344z '.repeat(20)}"/></svg>`,
    ).join('\n')
    const css = `<style>${Array.from({ length: 1500 }, (_, i) => `.c-${i} { margin: ${i}px; padding: 0 ${i}px; }`).join('\n')}</style>`
    const page = read(
      portalPage({
        head: `${css}${script}`,
        header: `<div class="icons">${icons}</div>${h1}<div class="info">2021-04-28 09:30 来源：江南日报 举报</div>`,
        article: bodyHtml(),
        after: `<div class="article-extra"><p>东港区职工书屋今年新添图书三千册，配备电子阅读设备二十台，周末向社区居民开放，开放时间为每周六、周日上午九时至下午五时。</p></div>`,
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
    expect(page.body).not.toContain('职工书屋')
  })
})

describe('blocks the page hides', () => {
  it('never reads a share description its stylesheet hides, and still reads the editor above it', () => {
    const lead = paragraphs[0].slice(0, paragraphs[0].indexOf('，'))
    const page = read(
      portalPage({
        head: '<style>.top { color: red } #title_desc, .seo-words { display: none; }</style>',
        header: `${h1}<div class="info">2021-04-28 09:30 来源：江南日报</div>`,
        article: bodyHtml(),
        after: `<div class="article-editor"><span>编辑:周敏</span></div>
<div id="title_desc"><h1>${headline}</h1><p>${lead}</p></div>`,
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.publishedAt).toBe(new Date('2021-04-28T09:30:00+08:00').toISOString())
    expect(page.source).toBe('江南日报')
    expect(page.responsibleEditor).toBe('周敏')
    expectCleanEnds(page)
    // The description repeats the lead's first sentence; only the lead's own copy is body text.
    expect(page.body.split(lead).length).toBe(2)
    expect(page.last).not.toContain(lead)
  })
})

describe('credits after the article', () => {
  it('reads a source line written with a bar instead of a colon', () => {
    const page = read(
      portalPage({ header: `${h1}<div class="info">2024-05-18 16:56</div>`, article: `${bodyHtml()}<p>来源 | 江南日报</p>` }),
    )
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it('reads editor, source and author printed in cells of their own below the text', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2021-04-28</div>`,
        article: bodyHtml(),
        after: `<table><tr><td>编辑： 周敏</td><td>来源： 江南日报</td><td>作者：林晓燕 王磊</td></tr></table>
<div class="related"><h3>相关报道</h3><ul><li><a href="/news/2021-04/20/c_9.htm">青湖区工会驿站再添新点</a> 2021-04-20</li></ul></div>`,
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.author).toBe('林晓燕 王磊')
    expect(page.source).toBe('江南日报')
    expect(page.responsibleEditor).toBe('周敏')
    expectCleanEnds(page)
  })
})

describe('a unit and its writer under the text, with no role word', () => {
  it.each([
    ['the unit and the writer', '江南市第一人民医院护理部 林晓燕', '林晓燕', '江南市第一人民医院护理部'],
    ['the unit alone', '青湖区总工会', undefined, '青湖区总工会'],
  ])('reads %s into their fields and out of the body', (_, line, author, source) => {
    const page = read(portalPage({ header: `${h1}<div class="info">2021-04-28</div>`, article: `${bodyHtml()}<p>${line}</p>` }))
    expect(page.author).toBe(author)
    expect(page.source).toBe(source)
    expect(page.last).toBe(paragraphs.at(-1))
  })

  it("keeps a notice's signature and date as its last lines", () => {
    const page = read(
      portalPage({ header: `${h1}<div class="info">2021-04-28</div>`, article: `${bodyHtml()}<p>青湖区总工会</p><p>2021年4月27日</p>` }),
    )
    expect(page.body).toContain(`${paragraphs.at(-1)}\n青湖区总工会\n2021年4月27日`)
    expect(page.author).toBeUndefined()
  })
})

describe('authors', () => {
  it.each(['（完）', '（待续）', '（新华社）', '（江南日报）'])('never take %s closing the text for names', (closing) => {
    const page = read(
      portalPage({ header: `${h1}<div class="info">2021-04-28</div>`, article: bodyHtml([...paragraphs, `全文结束${closing}`]) }),
    )
    expect(page.author).toBeUndefined()
  })

  it.each([
    ['作者：', '<div class="info">2021-04-28 作者：林晓燕 来源：江南日报</div>', bodyHtml(), '林晓燕'],
    ['a reporter line above the text', '<div class="info">2021-04-28</div>', `<p>本报记者 林晓燕 王磊</p>${bodyHtml()}`, '林晓燕 王磊'],
    ['文/', '<div class="info">2021-04-28</div>', `<p>文/林晓燕</p>${bodyHtml()}`, '林晓燕'],
    ['文｜', '<div class="info">2021-04-28</div>', `<p>文｜林晓燕</p>${bodyHtml()}`, '林晓燕'],
    [
      'a byline span beside the date',
      '<div class="info"><span>2021-04-28</span><span class="author">记者 林晓燕</span></div>',
      bodyHtml(),
      '林晓燕',
    ],
    [
      'a reporter in brackets closing the text',
      '<div class="info">2021-04-28</div>',
      bodyHtml([...paragraphs.slice(0, -1), `${paragraphs.at(-1)}（记者 林晓燕）`]),
      '林晓燕',
    ],
    [
      'names alone in brackets closing the text',
      '<div class="info">2021-04-28</div>',
      bodyHtml([...paragraphs.slice(0, -1), `${paragraphs.at(-1)}（林晓燕 王磊 ）`]),
      '林晓燕 王磊',
    ],
    [
      'the reporter line after the text',
      '<div class="info">2021-04-28</div>',
      `${bodyHtml()}<p>江南日报记者 林晓燕 青湖报道</p>`,
      '林晓燕',
    ],
    [
      'a news lead',
      '<div class="info">2021-04-28</div>',
      bodyHtml([`本报讯（通讯员 林晓燕）${paragraphs[0]}`, ...paragraphs.slice(1)]),
      '林晓燕',
    ],
    [
      'a paper and a channel before the role',
      '<div class="info">2021-04-28</div>',
      `<p>江南日报·青湖频道记者林晓燕/文</p>${bodyHtml()}`,
      '林晓燕',
    ],
    [
      'an intern and a reporter of two papers',
      '<div class="info">2021-04-28</div>',
      `<p>江南日报实习生 王磊 江南晚报记者 林晓燕</p>${bodyHtml()}`,
      '王磊 林晓燕',
    ],
    [
      'a reporter line Readability leaves out, after the text',
      '<div class="info">2021-04-28</div>',
      `${bodyHtml()}<p style="text-indent:2em">记者 林晓燕</p>`,
      '林晓燕',
    ],
    [
      'a commentator whose name runs into the institution and post after it',
      '<div class="info">2021-04-28</div>',
      `${bodyHtml()}<p>　　（作者：林晓燕浙江大学公共管理学院教授）</p>`,
      '林晓燕',
    ],
    [
      'the visible byline, not the editor a hidden block for search engines names as author',
      `<div style="display:none">
        <span>2021-04-28 10:31:00</span>
        <span>来源：江南日报</span>
        <span>作者：王磊</span>
        <span>责任编辑：王磊</span>
      </div>
      <div class="info">2021年04月28日 10:31　来源：江南日报</div>`,
      `${bodyHtml()}<p>　　(作者：林晓燕浙江大学公共管理学院教授)</p><div class="editor">【编辑:王磊】</div>`,
      '林晓燕',
    ],
    [
      'a commentator credited with 丨 and a role of 评论员',
      '<div class="info">2021-04-28</div>',
      `<p>文丨江南时评特约评论员 林晓燕</p>${bodyHtml()}`,
      '林晓燕',
    ],
    [
      'an agency lead naming its reporters with no role word',
      '<div class="info">2021-04-28</div>',
      bodyHtml([`新华社江南4月27日电（林晓燕、王磊） ${paragraphs[0]}`, ...paragraphs.slice(1)]),
      '林晓燕 王磊',
    ],
    [
      'a photographer credited in brackets under the text',
      '<div class="info">2021-04-28</div>',
      `${bodyHtml()}<p>（林晓燕摄）</p>`,
      '林晓燕',
    ],
    [
      'a two-character name padded to the width of three',
      '<div class="info">2021-04-28</div>',
      `<div class="author">本报记者  林晓燕  王  磊</div>${bodyHtml()}`,
      '林晓燕 王磊',
    ],
    [
      'names alone in brackets on a line after the text',
      '<div class="info">2021-04-28</div>',
      `${bodyHtml()}<div align="right">（林晓燕）</div>`,
      '林晓燕',
    ],
  ])('reads %s', (_, info, article, author) => {
    const page = read(portalPage({ header: `${h1}${info}`, article }))
    expect(page.author).toBe(author)
    expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(page.last).not.toContain('林晓燕')
  })
})

describe('credits written with slashes', () => {
  it('reads 文/ as the author and 编辑/ as the editor under the text, and keeps both out of it', () => {
    const page = read(
      portalPage({ header: `${h1}<div class="info">2021-04-28</div>`, article: `${bodyHtml()}<p>文/林晓燕</p><p>编辑/王磊</p>` }),
    )
    expect(page.author).toBe('林晓燕')
    expect(page.responsibleEditor).toBe('王磊')
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/林晓燕|王磊/)
  })
})

describe('credits around the headline and under the text, as modern portals print them', () => {
  it('reads a byline printed between the headline and the dateline', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="author">本报记者  林晓燕  王  磊</div><div class="channel">2024年05月10日06:58 | 来源：江南日报</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.author).toBe('林晓燕 王磊')
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it('never starts the text with where the poster was', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="article-info"><span class="time">2024-05-20 06:48</span></div>`,
        article: `<div class="area"><span>发布于：</span><span>江南市</span></div>${bodyHtml()}`,
      }),
    )
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
    expect(page.body).not.toMatch(/发布于/)
  })

  it('cuts a front-page link glued to the last paragraph and reads the labelled credit it closed', () => {
    const credit = '（本文来源：江南日报 作者：江南市职工发展研究中心劳动关系研究部部长，“新业态”课题组组长、研究员林晓燕）'
    const back = '<a href="https://www.jnzg.cn/" id="back">返回江南号，查看更多</a>'
    const page = read(
      portalPage({ header: `${h1}<div class="info">2024-05-13 06:15</div>`, article: `${bodyHtml()}<p>${credit}${back}</p>` }),
    )
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/查看更多|研究员/)
  })

  it.each([
    ['作者：江南市职工发展研究中心劳动关系研究部部长，“新业态”课题组组长、研究员林晓燕', '林晓燕'],
    ['作者：江南大学法学院教授林晓燕', '林晓燕'],
  ])('reads the name after its posts: %s', (credit, name) => {
    const page = read(portalPage({ header: `${h1}<div class="info">2024-05-13 06:15</div>`, article: `<p>${credit}</p>${bodyHtml()}` }))
    expect(page.author).toBe(name)
  })

  it('reads the author and editor credited without colons under the text, with the layout credit beside them', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2024-01-25 18:03</div>`,
        article: `${bodyHtml()}<p>作者 <strong>林晓燕 王磊</strong></p><p>编辑 <strong>周敏 </strong>｜<strong> </strong>排版<strong> 陈静</strong></p>`,
      }),
    )
    expect(page.author).toBe('林晓燕 王磊')
    expect(page.responsibleEditor).toBe('周敏')
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/林晓燕|周敏|排版/)
  })
})

describe('a byline and a labelled source on the last line', () => {
  const closing = '<p>　　江南报·江南网记者 林晓燕 来源：江南日报</p>'
  it.each([
    ['a portal page', portalPage({ header: `${h1}<div class="info">2024-05-13 06:03</div>`, article: `${bodyHtml()}${closing}` })],
    [
      'a government-style page',
      `<!DOCTYPE html><html><head><title>${headline}_江南网</title></head><body><h1>${headline}</h1>
<div class="info">发布时间：2024-05-13 06:03 来源：江南日报 浏览次数：12</div><div class="TRS_Editor">${bodyHtml()}${closing}</div></body></html>`,
    ],
  ])('are read into their fields and out of the text on %s', (_, html) => {
    const page = read(html)
    expect(page.author).toBe('林晓燕')
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })
})

describe('a video above the text', () => {
  it('never starts the text with the player caption, its toggle or its controls', () => {
    const video = `<div class="player"><p>江南市新就业形态劳动者入会集中行动启动 时长：01:45 来源：江南网</p><a href="#">展开</a>
<p>江南市新就业形态劳动者入会集中行动启动仪式现场收起</p><p>00:00/00:00</p><p>时长：01:45建议WIFI下打开</p></div>`
    const page = read(portalPage({ header: `${h1}<div class="info">2024-05-20 10:00</div>`, article: `${video}${bodyHtml()}` }))
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/时长|收起|00:00/)
  })
})

describe('an agency story a portal reprints', () => {
  it('reads the source printed between the headline and the dateline', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="ly">来源：江南日报</div><div class="zz">作者：</div><div class="sj">2023-12-01 14:43</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.source).toBe('江南日报')
    expectCleanEnds(page)
  })

  it('names the agency its lead was filed by as the source when nothing else does', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2023-12-01 14:43</div>`,
        article: bodyHtml([`新华社江南11月30日电 ${paragraphs[0]}`, ...paragraphs.slice(1)]),
      }),
    )
    expect(page.source).toBe('新华社')
  })

  it('drops the agency headline printed in several lines above the text', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info">2023-12-01 14:43</div>`,
        article: `<p><strong>${headline}强调</strong></p><p><strong>把服务站点建成劳动者的温馨家园</strong></p><p><strong>林晓燕王磊出席</strong></p>${bodyHtml()}`,
      }),
    )
    expectCleanEnds(page)
    expect(page.body).not.toMatch(/温馨家园|出席/)
  })
})

describe('a news portal page that reports on a government', () => {
  const govParagraphs = [...paragraphs.slice(0, 3), `江南市人民政府有关负责同志表示，${paragraphs[3]}`]
  const govBody = `<div class="article-content">${bodyHtml(govParagraphs)}</div>`

  it.each([
    [
      'the publisher printed beside the date',
      '<div class="date-source"><span class="date">2024年05月10日 00:26</span> <a class="source" href="https://jnrb.example.cn/">江南日报</a></div>',
      '江南日报',
      undefined,
    ],
    [
      'the publisher beside the date ahead of a labelled credit',
      '<div class="info"><span>2024-05-16 17:02</span> <span>江南日报</span> <span>作者：林晓燕</span></div>',
      '江南日报',
      '林晓燕',
    ],
    [
      'the site 原创： names, its name run into the date',
      '<div class="info">原创：39江南健康网2024-04-23 12:27:25</div>',
      '39江南健康网',
      undefined,
    ],
    [
      'the publisher 本文来源于 introduces, whatever its name ends with',
      '<div class="ar_source"><span class="source">本文来源于<a href="https://tjj.example.cn/">江南市统计局</a>　<span>2024-05-11 09:36:26</span></span></div>',
      '江南市统计局',
      undefined,
    ],
  ])('is read as a portal page, with %s as its source', (_, info, source, author) => {
    const page = read(portalPage({ header: `${h1}${info}`, article: govBody }))
    expect(page.platform).toBe('通用')
    expect(page.source).toBe(source)
    expect(page.author).toBe(author)
  })

  it('reads the paper a portal runs into 作者： as the source, and the reporters under the text as the author', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="date-source"><span class="date">2024年05月16日 17:02</span> <a class="source" href="https://jnrb.example.cn/">江南日报</a><span class="date">作者：江南日报</span></div>`,
        article: `${govBody}<p>　　（江南台记者 林晓燕 王磊）</p><p class="show_author">责任编辑：周敏</p>`,
        after: '<p>举报邮箱：jubao@jnzg.example.cn</p><p>江南新闻客户端</p>',
      }),
    )
    expect(page.source).toBe('江南日报')
    expect(page.author).toBe('林晓燕 王磊')
    expect(page.body).not.toMatch(/举报|林晓燕|客户端/)
  })
})

describe('government 信息公开 pages', () => {
  const notice = '江南市人民政府办公室关于做好户外劳动者服务站点建设工作的通知'
  const table = (rows: string) => `<table class="xxgk-table"><tbody>${rows}</tbody></table>`
  const beijing = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString()
  const fullTable = table(`<tr><td>标　　题：</td><td colspan="3">${notice}</td></tr>
<tr><td>发文机关：</td><td>江南市人民政府办公室</td><td>成文日期：</td><td>2021年03月02日</td></tr>
<tr><td>发文字号：</td><td>江政办发〔2021〕5号</td><td>发布日期：</td><td>2021年03月09日</td></tr>
<tr><td>索 引 号：</td><td>11330100MB0000000X/2021-00012</td></tr>`)
  const disclosure = (block: string, body = '<div class="article-body">') =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${notice}_江南市人民政府门户网站</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a></div>
${block}<h1>${notice}</h1>${body}${bodyHtml()}</div>
<div class="foot">主办：江南市人民政府办公室　网站标识码3301000001</div></body></html>`

  it.each([
    ['a table whose title row comes before 成文日期, on a page the government reader reads', fullTable, '<div id="zoom">'],
    ['the same table on a page only the general path reads', fullTable, '<div class="article-body">'],
    [
      'a list with bold labels above the headline',
      `<ul class="xxgk"><li><b>索引号：</b>11330100MB0000000X/2021-00012</li><li><b>发布机构：</b>江南市人民政府办公室</li>
<li><b>生成日期：</b>2021-03-02</li><li><b>发布日期：</b>2021-03-09</li><li><b>文号：</b>江政办发〔2021〕5号</li></ul>`,
      '<div class="article-body">',
    ],
  ])('dates %s by its 发布日期, and keeps the table out of the body', (_, block, body) => {
    const page = read(disclosure(block, body))
    expect(page.title).toBe(notice)
    expect(page.publishedAt).toBe(beijing('2021-03-09'))
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
    expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(page.body).not.toMatch(/索引号|索 引 号|发文机关|发文字号|成文日期|发布日期|网站标识码/)
  })

  it.each([
    ['a table, the name in the cell after the label', fullTable],
    [
      'a list with bold labels',
      `<ul class="xxgk"><li><b>索引号：</b>2021-00012</li><li><b>发布机构：</b>江南市人民政府办公室</li><li><b>发布日期：</b>2021-03-09</li></ul>`,
    ],
    [
      'spans holding label and name',
      `<div class="xxgk"><span>索引号：2021-00012</span> <span>发布机构：江南市人民政府办公室</span> <span>发布日期：2021-03-09</span></div>`,
    ],
  ])('names the body that published it as the source when no 来源 is printed: %s', (_, block) => {
    expect(read(disclosure(block)).source).toBe('江南市人民政府办公室')
  })

  it('dates a page by its 成文日期 when that is the only date it prints', () => {
    const page = read(
      disclosure(
        table(`<tr><td>索　引　号：</td><td>2021-00012</td><td>发文机关：</td><td>江南市人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>2021-03-02</td><td>文　　号：</td><td>江政办发〔2021〕5号</td></tr>`),
      ),
    )
    expect(page.publishedAt).toBe(beijing('2021-03-02'))
    expect(page.body).not.toMatch(/索引号|成文日期/)
  })
})
