import { describe, expect, it } from 'vitest'

import { blockText } from '../cms/importer/blocks'
import { parsePage } from '../cms/importer/parse'
import { bodyHtml, paragraphs, portalPage } from './helpers/portalPages'

const read = (html: string) => {
  const page = parsePage(new TextEncoder().encode(html), 'page.html')
  const blocks = page.blocks.map(blockText).filter(Boolean)
  return { ...page, first: blocks[0] ?? '', last: blocks.at(-1) ?? '', body: blocks.join('\n') }
}

describe('a date labelled 时间： under the text of a page whose headline is no heading', () => {
  // A science-rumour site's shape: the headline in a plain div, the source under it, the text,
  // then a side box with keywords and review stamps, and the labelled date last, above a list of
  // other articles that carry dates of their own.
  const page = () =>
    read(
      portalPage({
        title: '江南科普-辟谣文章',
        header: `<div class="rumor-title">加班后喝咖啡能“补觉”吗？</div><div class="rumor-info"><span>来源： 江南科普-科学原理</span></div>`,
        article: bodyHtml(),
        after: `<div class="rumor-aside"><div class="keyword"><a href="/k/1">咖啡</a> <a href="/k/2">睡眠</a></div>
<div>所属分类：<span>健康</span></div><div class="stamp">辟谣</div><div class="stamp">复核</div></div>
<span class="span_time">时间：2019-09-24 17:08</span>
<div class="social-share">分享到：</div>
<div class="tj-box-title">相关推荐</div>
<div class="tj-item"><a href="/r/1"><div>夜班族怎样睡个好觉</div><div class="tj-item-date">2020-09-27</div></a></div>
<div class="tj-item"><a href="/r/2"><div>喝浓茶能解酒吗</div><div class="tj-item-date">2019-12-18</div></a></div>`,
      }),
    )

  it('dates the page by it, and not by a date in the list of other articles below it', () => {
    expect(page().publishedAt).toBe(new Date('2019-09-24T17:08:00+08:00').toISOString())
  })

  it('keeps the stamps, the date and the related list out of the text', () => {
    const { first, last, body, source } = page()
    expect(first).toContain(paragraphs[0].slice(0, 20))
    expect(last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(body).not.toMatch(/所属分类|辟谣|复核|时间|相关推荐|2020-09-27/)
    expect(source).toBe('江南科普-科学原理')
  })

  it('reads it from a box the template names a footer, and its source beside it', () => {
    const foot = read(
      portalPage({
        title: '江南市总工会开展夏季送清凉活动_江南市总工会',
        header: '<div class="detail_title">江南市总工会开展夏季送清凉活动</div>',
        article: bodyHtml(),
        after: `<div class="detail_foot">发布日期：2023-05-04 来源：江南市总工会 浏览次数：12</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">职工书屋开放</a> 2024-01-02</li></ul></div>`,
      }),
    )
    expect(foot.publishedAt).toBe(new Date('2023-05-04T09:00:00+08:00').toISOString())
    expect(foot.source).toBe('江南市总工会')
    expect(foot.body).not.toMatch(/发布日期|浏览次数|相关新闻/)
  })

  it('never takes a 时间： line in the text itself, which a notice gives its event', () => {
    const notice = read(
      portalPage({
        title: '江南科普-辟谣文章',
        header: `<div class="rumor-title">职工健康讲座开讲</div>`,
        article: `${bodyHtml()}<p>时间：2024-06-01 14:30</p><p>地点：青湖区职工服务中心三楼报告厅</p>`,
      }),
    )
    expect(notice.publishedAt).toBeUndefined()
    expect(notice.body).toContain('地点：青湖区职工服务中心三楼报告厅')
  })
})

describe('a poetry forum page: the headline in an <h3> that <title> glues to the site name', () => {
  const poem = ['夜班归来月满街，', '灯下翻书意自佳。', '一盏清茶敬明月，', '诗心不老在天涯。']
  const page = () =>
    read(
      portalPage({
        title: '夜班•归途-江南诗歌网',
        header: `<div class="crumb"><a href="/">首页</a>/ <a href="/sg/">诗歌</a></div>
<h3>夜班•归途</h3>
<div class="info">作者：<span><a href="/u/88">青湖渔樵</a></span> 2020年01月12日18:32 浏览：272 收藏 <a>赞赏</a></div>`,
        article: `<p>题记：</p><p>腊月十六，夜班归来小酌即兴所作</p><p>${poem.join('<br>')}</p><p>注释：</p>${bodyHtml()}`,
      }),
    )

  it('takes the <h3> as the title, not the <title> with the site glued on', () => {
    expect(page().title).toBe('夜班•归途')
  })

  it('reads the date and the author printed under the headline', () => {
    const { publishedAt, author } = page()
    expect(publishedAt).toBe(new Date('2020-01-12T18:32:00+08:00').toISOString())
    expect(author).toBe('青湖渔樵')
  })

  it('keeps the epigraph, the poem and its note as the text, without the byline', () => {
    const { body, first, last } = page()
    expect(first).toBe('题记：')
    expect(body).toContain('腊月十六，夜班归来小酌即兴所作')
    expect(body).toContain(poem[0])
    expect(last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(body).not.toMatch(/作者|浏览|赞赏|江南诗歌网/)
  })
})

describe("an account's name printed in the byline block beside the date", () => {
  const headline = '江南日报评论员：新就业形态劳动者入会不是一阵风'
  const header = (extra = '') =>
    `<h1>${headline}</h1><div class="article-author"><div class="media-info"><a href="/omn/jnrb"><p class="media-name">江南日报</p></a>
<p class="time">2024-05-13 06:16发布于江南江南日报官方账号</p></div><div class="follow">+关注</div></div>${extra}`

  it('is the source when the page prints no 来源', () => {
    const page = read(portalPage({ title: headline, header: header(), article: bodyHtml() }))
    expect(page.source).toBe('江南日报')
    expect(page.publishedAt).toBe(new Date('2024-05-13T06:16:00+08:00').toISOString())
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
    expect(page.body).not.toMatch(/关注|官方账号/)
  })

  it('gives way to a labelled 来源 wherever the page prints it', () => {
    const page = read(portalPage({ title: headline, header: header('<div class="src">来源：江南工人报</div>'), article: bodyHtml() }))
    expect(page.source).toBe('江南工人报')
  })

  it('is never a person: a reporter named alone beside the date stays the author', () => {
    const page = read(
      portalPage({
        title: headline,
        header: `<h1>${headline}</h1><div class="info"><p>记者 林晓燕</p><p>2024-05-13 06:16</p></div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.source).toBeUndefined()
    expect(page.author).toBe('林晓燕')
  })
})

describe("an editor's lead above the text", () => {
  const headline = '江南市新就业形态劳动者入会集中行动启动'
  const lead = '新就业形态劳动者怎样入会、入会后有哪些服务？本文一一道来。'
  it.each([
    ['a box of its own before the text', `<div class="art_summary">核心提示：${lead}</div>`, bodyHtml()],
    ['the first paragraph, its label in bold', '', `<p><strong>摘要：</strong>${lead}</p>${bodyHtml()}`],
    ['the first paragraph, its label in brackets', '', `<p>【导读】${lead}</p>${bodyHtml()}`],
  ])('goes to the summary, which the article page prints above the text, and not into the text: %s', (_, box, article) => {
    const page = read(
      portalPage({
        title: `${headline}_江南职工网`,
        header: `<h1>${headline}</h1><div class="info">2021-01-20 04:29 来源：江南日报</div>${box}`,
        article,
      }),
    )
    expect(page.summary).toBe(lead)
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
    expect(page.body).not.toContain(lead.slice(0, 12))
  })

  it('stays in the text when a paragraph further down is labelled so', () => {
    const article = `${bodyHtml(paragraphs.slice(0, 2))}<p>摘要：${lead}</p>${bodyHtml(paragraphs.slice(2))}`
    const page = read(portalPage({ title: `${headline}_江南职工网`, header: `<h1>${headline}</h1>`, article }))
    expect(page.summary).toBeUndefined()
    expect(page.body).toContain(lead)
  })
})

describe('a page its template wraps in a form', () => {
  const headline = '江南大学举办第五届教职工运动会'
  it.each([
    ['an ASP.NET page (form1 around everything)', '<form id="form1" method="post" action="./show.aspx?id=12">', '</form>'],
    ['a VSB site (the article in _newscontent_fromname)', '<form name="_newscontent_fromname">', '</form>'],
  ])('is read whole, while a search box in it stays out: %s', (_, open, close) => {
    const page = read(`<!DOCTYPE html><html><head><title>${headline}-江南大学新闻网</title></head><body>${open}
<div class="top"><form action="/search"><input name="q"><button>搜索</button> <a href="/adv">高级搜索</a></form></div>
<h1>${headline}</h1><div class="info">作者：林晓燕 来源：校工会 发布时间：2023-05-04 点击数：128</div>
<div id="vsb_content"><div class="v_news_content">${bodyHtml()}</div></div>
<div class="prenext">上一条：<a href="/a">校工会慰问一线职工</a></div>${close}</body></html>`)
    expect(page.title).toBe(headline)
    expect(page.publishedAt).toBe(new Date('2023-05-04T09:00:00+08:00').toISOString())
    expect(page.author).toBe('林晓燕')
    expect(page.source).toBe('校工会')
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
    expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(page.body).not.toMatch(/搜索|上一条|点击数/)
  })
})

describe('a blog post saved without a <title>', () => {
  const page = () =>
    read(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div class="side"><h3>导航</h3><ul><li><a href="/">首页</a></li><li><a href="/rss">订阅</a></li></ul>
<h3>存档</h3><ul><li><a href="/archive/2005/03">2005年3月 (6)</a></li></ul>
<h3>随笔分类</h3><ul><li><a href="/c/1">工会工作 (rss)</a></li><li><a href="/c/2">职工生活 (rss)</a></li></ul></div>
<div class="post"><h2><a href="/archive/2005/03/05/88.html">入会那天的日记</a></h2>
${bodyHtml()}
<div class="postfoot">发表于 2005年03月05日 12:40 - (阅读:372;评论:6)</div></div>
<div class="feedback"><h3>评论</h3><div>#1楼 2005-03-06 08:15 林晓燕</div><p>写得真好，我们厂也想办。</p></div>
</body></html>`)

  it('takes the linked heading right above the text as its title, not a sidebar heading', () => {
    expect(page().title).toBe('入会那天的日记')
  })

  it('dates it by the line under the post, not by a comment, and keeps that line out of the text', () => {
    const { publishedAt, last, body } = page()
    expect(publishedAt).toBe(new Date('2005-03-05T12:40:00+08:00').toISOString())
    expect(last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(body).not.toMatch(/发表于|阅读:|写得真好/)
  })
})

describe('a <title> that names only a column', () => {
  const headline = '江南市总工会开展夏季送清凉活动'
  it.each([
    ['the column, then the site', '工会要闻 - 江南市总工会', ''],
    ['the column alone', '工作动态', ''],
    ['the column, repeated in a heading', '工会要闻_江南市总工会', '<h2 class="lm">工会要闻</h2>'],
  ])('gives way to the headline the page shows above its dateline: %s', (_, title, column) => {
    const page = read(
      portalPage({
        title,
        header: `${column}<div class="title">${headline}</div><div class="info">发布时间：2023-05-04 来源：本站</div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.title).toBe(headline)
    expect(page.first).toContain(paragraphs[0].slice(0, 20))
  })
})

describe('a page in the central government portal template', () => {
  it('reads the dateline box named pages-date and the editor after 【我要纠错】', () => {
    const headline = '江南市推进户外劳动者服务站点建设'
    const page = read(
      portalPage({
        title: `${headline}_江南市人民政府门户网站`,
        header: `<h1>${headline}</h1><div class="pages-date">2023-05-04 10:00 <span class="font">来源：市政府办公室</span><span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>`,
        article: `<div class="pages_content" id="UCAP-CONTENT">${bodyHtml()}</div>`,
        after: '<div class="editor">【我要纠错】 责任编辑：陈静</div>',
      }),
    )
    expect(page.publishedAt).toBe(new Date('2023-05-04T10:00:00+08:00').toISOString())
    expect(page.source).toBe('市政府办公室')
    expect(page.responsibleEditor).toBe('陈静')
    expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
    expect(page.body).not.toMatch(/纠错|责任编辑|字体/)
  })
})
