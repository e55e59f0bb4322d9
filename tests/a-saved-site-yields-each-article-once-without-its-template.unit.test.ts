import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blockText } from '../cms/importer/blocks'
import { collectFiles } from '../cms/importer/files'
import { parsePage } from '../cms/importer/parse'
import { analyseFiles, relativeNames } from '../cms/importer/site/analyseFiles'
import { analyseSite, skipReason, type SiteAnalysis } from '../cms/importer/site/classify'
import { pageFeatures } from '../cms/importer/site/page'
import { pathShape } from '../cms/importer/site/shape'
import { keepsFields, lineKey, withoutTemplate } from '../cms/importer/site/template'
import { httrackUrl, isWebUrl, mirroredUrl, originalUrlOf, ownUrl } from '../cms/importer/site/url'
import {
  EXPECTED_ARTICLES,
  EXPECTED_SKIPS,
  HOST,
  NEWS,
  NOTICES,
  SLOGAN,
  TEMPLATE_LINES,
  articlePath,
  writeHttrackMirror,
  writeMirroredSite,
} from './helpers/mirroredSite'

let dir: string
let files: string[]
let names: string[]
let site: SiteAnalysis

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-'))
  writeMirroredSite(dir)
  const found = collectFiles([dir])
  files = found.files
  names = relativeNames(files, found.roots)
  site = analyseFiles(files, names)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const underHost = (p: string) => p.slice(HOST.length + 1)

describe('a mirrored union portal (wget --mirror, host as the top folder)', () => {
  it('names every page by its place in the mirror', () => {
    expect(names.length).toBe(Object.keys(EXPECTED_ARTICLES).length + Object.keys(EXPECTED_SKIPS).length)
    expect(names.every((n) => n.startsWith(`${HOST}/`))).toBe(true)
  })

  it('finds exactly the articles: one per news item, notice, thread and the about page', () => {
    const articles = site.pages.filter((p) => p.verdict.kind === 'article').map((p) => underHost(p.path))
    expect(articles.sort()).toEqual(Object.keys(EXPECTED_ARTICLES).sort())
  })

  it('skips list pages, print and phone copies, the second save of a page and later pages, naming the page imported instead', () => {
    const skipped = Object.fromEntries(
      site.pages.flatMap((p) => {
        const reason = skipReason(p.verdict)
        return reason ? [[underHost(p.path), reason]] : []
      }),
    )
    expect(skipped).toEqual(EXPECTED_SKIPS)
  })

  it("counts the header, menu, sidebar, footer and the notices' slogan as template, and no article's own text", () => {
    const template = new Set(site.template)
    for (const line of [...TEMPLATE_LINES, SLOGAN]) expect(template.has(lineKey(line)), line).toBe(true)
    for (const a of [...NEWS, ...NOTICES]) for (const p of a.paragraphs) expect(template.has(lineKey(p)), p).toBe(false)
  })

  it('gives parsePage bodies without template lines, where the same page parsed alone keeps the slogan', () => {
    for (const a of [...NEWS, ...NOTICES]) {
      const file = path.join(dir, ...articlePath(a).split('/'))
      const page = parsePage(fs.readFileSync(file), file, { boilerplate: site.template })
      const body = page.blocks.map(blockText).join('\n')
      expect(page.title).toBe(a.title)
      // Including the split article's, whose in-text pager (共2页: 1 2 下一页) is chrome.
      expect(body.replace(/\s/g, '')).toBe(a.paragraphs.join('\n').replace(/\s/g, ''))
      for (const line of [...TEMPLATE_LINES, SLOGAN]) expect(body.split('\n')).not.toContain(line)
    }
    const notice = path.join(dir, ...articlePath(NOTICES[1]).split('/'))
    const alone = parsePage(fs.readFileSync(notice), notice)
    expect(alone.blocks.map(blockText).join('\n')).toContain(SLOGAN)
  })

  it('gives each page the address it had', () => {
    const byPath = Object.fromEntries(site.pages.map((p) => [underHost(p.path), p.mirrored]))
    expect(byPath['a/xinwen/2019/0312/123.html']).toBe(`http://${HOST}/a/xinwen/2019/0312/123.html`)
    expect(byPath['plus/print.php?aid=123.html']).toBe(`http://${HOST}/plus/print.php?aid=123`)
    expect(Object.values(byPath).every((u) => isWebUrl(u))).toBe(true)
  })
})

describe('classifying pages by what they hold', () => {
  const shell = (title: string, main: string) =>
    `<html><head><title>${title}_江南市总工会</title></head><body><div class="tb">江南市总工会</div>${main}<div class="db">地址：江南市青湖区人民路88号</div></body></html>`
  const paragraph = (n: number) =>
    `<p>江南市第${n}届职工运动会在市体育中心开幕，来自${n + 20}家企业的职工参加了拔河、跳绳和趣味接力等十二个项目的比赛，场面十分热烈。</p>`
  const verdicts = (pages: [string, string][]) =>
    analyseSite(pages.map(([p, html]) => pageFeatures(html, p))).pages.map((p) => [p.path, p.verdict.kind])

  it('takes a column whose entries carry summaries as a list, and a short notice as an article', () => {
    const entries = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><a href="/news/${i}.html">江南市第${i + 1}届职工运动会隆重开幕</a><p>来自各区县的${i + 30}支代表队参加比赛，本届运动会共设十二个项目，持续三天。</p></li>`,
    ).join('')
    expect(
      verdicts([
        ['news/more.html', shell('工会新闻', `<ul>${entries}</ul>`)],
        ['news/1.html', shell('关于五一期间开放时间的通知', '<h1>关于五一期间开放时间的通知</h1><p>五一期间服务中心照常开放。</p>')],
        ['news/2.html', shell('第一届职工运动会开幕', `<h1>第一届职工运动会开幕</h1>${paragraph(1)}${paragraph(2)}`)],
      ]),
    ).toEqual([
      ['news/more.html', 'list'],
      ['news/1.html', 'article'],
      ['news/2.html', 'article'],
    ])
  })

  it("keeps pages saved one by one from big portals as articles, whatever their sidebars' links", () => {
    const sidebar = `<ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/hot/N-${i}.html">江南新闻热点排行第${i + 1}条消息标题</a></li>`).join('')}</ul>`
    const portal = (n: number, body: string) =>
      shell(`门户网站转载稿件第${n}篇`, `<h1>门户网站转载稿件第${n}篇</h1>${body}${sidebar.replace(/N-/g, `${n}-`)}`)
    expect(
      verdicts([
        ['www.a.com.cn/news/2019/0312/88.html', portal(1, paragraph(1) + paragraph(2))],
        ['www.b.com.cn/html/some-story.html', portal(2, [3, 4, 5, 6, 7, 8, 9, 10].map(paragraph).join(''))],
        ['www.c.com.cn/list_2.html', portal(3, '')],
      ]),
    ).toEqual([
      ['www.a.com.cn/news/2019/0312/88.html', 'article'],
      ['www.b.com.cn/html/some-story.html', 'article'],
      ['www.c.com.cn/list_2.html', 'list'],
    ])
  })

  it('imports a page or two chosen by hand as always, whatever they look like', () => {
    const list = shell(
      '工会新闻',
      `<ul>${Array.from({ length: 9 }, (_, i) => `<li><a href="/news/${i}.html">江南市第${i + 1}届职工运动会隆重开幕</a></li>`).join('')}</ul><div>共3页 下一页 尾页</div>`,
    )
    expect(
      verdicts([
        ['news/list_2.html', list],
        ['bbs/thread-9-2-1.html', list],
      ]),
    ).toEqual([
      ['news/list_2.html', 'article'],
      ['bbs/thread-9-2-1.html', 'article'],
    ])
  })

  it('keeps an index page with a text of its own as an article, and an empty search page as a list', () => {
    expect(
      verdicts([
        ['about/index.html', shell('工会简介', `<h1>工会简介</h1>${paragraph(3)}${paragraph(4)}`)],
        ['search.php?q=夜校.html', shell('搜索结果', '<p>没有找到相关内容。</p>')],
        ['news/2.html', shell('第二届职工运动会开幕', `<h1>第二届职工运动会开幕</h1>${paragraph(2)}`)],
      ]),
    ).toEqual([
      ['about/index.html', 'article'],
      ['search.php?q=夜校.html', 'list'],
      ['news/2.html', 'article'],
    ])
  })

  it("takes the page titled with the site's name alone as the home page, even with a welcome text of its own", () => {
    const home = `<html><head><title>江南市总工会</title></head><body><div class="tb">江南市总工会</div><h2>欢迎访问</h2>${paragraph(7)}${paragraph(8)}</body></html>`
    expect(
      verdicts([
        ['index.html', home],
        ...[1, 2, 3].map((n): [string, string] => [
          `news/${n}.html`,
          shell(`第${n}届职工运动会开幕`, `<h1>第${n}届职工运动会开幕</h1>${paragraph(n)}`),
        ]),
      ]),
    ).toEqual([
      ['index.html', 'list'],
      ['news/1.html', 'article'],
      ['news/2.html', 'article'],
      ['news/3.html', 'article'],
    ])
  })

  it('keeps an article reposted under new titles whole: long sentences need half the pages and five to be template', () => {
    const shared = paragraph(9)
    const pages: [string, string][] = Array.from({ length: 6 }, (_, i) => [
      `news/${i}.html`,
      shell(`第${i}篇不同标题的新闻稿件`, `<h1>第${i}篇不同标题的新闻稿件</h1>${i < 3 ? shared : paragraph(i)}`),
    ])
    const result = analyseSite(pages.map(([p, html]) => pageFeatures(html, p)))
    expect(result.template).toContain(lineKey('江南市总工会'))
    expect(result.template).not.toContain(lineKey(shared.replace(/<\/?p>/g, '')))
  })

  it("finds the template of a site whose every page is titled with the site's name", () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      pageFeatures(
        `<html><head><title>江南市总工会</title></head><body><div class="tb">欢迎访问江南市总工会网站</div>${paragraph(i)}</body></html>`,
        `news/${i}.html`,
      ),
    )
    expect(analyseSite(pages).template).toEqual([lineKey('欢迎访问江南市总工会网站')])
  })

  it("keeps two posts with one title in a mixed archive apart: they share their forum's buttons, not their sentences", () => {
    const chrome = [
      '设为首页 | 收藏本站 | 手机版',
      '登录 立即注册 找回密码',
      '首页 › 职工论坛 › 查看内容',
      '分享到：微信微博QQ空间',
      '关于我们|联系我们|网站地图',
      'Powered by Discuz! X3.2',
    ]
    const post = (n: number) =>
      `<html><head><title>关于申报年度劳模创新工作室的通知</title></head><body>${chrome.map((c) => `<div>${c}</div>`).join('')}<h1>关于申报年度劳模创新工作室的通知</h1>${paragraph(n)}${paragraph(n + 1)}</body></html>`
    const others = Array.from({ length: 8 }, (_, i): [string, string] => [
      `other/${i}.html`,
      shell(`其他网站的第${i}篇文章`, `<h1>其他网站的第${i}篇文章</h1>${paragraph(20 + i)}`),
    ])
    expect(verdicts([['bbs/1.html', post(1)], ['bbs/2.html', post(5)], ...others]).slice(0, 2)).toEqual([
      ['bbs/1.html', 'article'],
      ['bbs/2.html', 'article'],
    ])
  })

  it('imports the one of two saves of a page that the other names canonical', () => {
    const body = `<h1>第一届职工运动会开幕</h1>${paragraph(1)}${paragraph(2)}`
    const result = analyseSite(
      [
        [
          'www.jnzgh.gov.cn/news/a.html',
          shell('第一届职工运动会开幕', body).replace('</head>', '<link rel="canonical" href="/news/b.html"></head>'),
        ],
        ['www.jnzgh.gov.cn/news/b.html', shell('第一届职工运动会开幕', body)],
        ['www.jnzgh.gov.cn/news/c.html', shell('第二届职工运动会开幕', `<h1>第二届职工运动会开幕</h1>${paragraph(3)}`)],
      ].map(([p, html]) => pageFeatures(html, p)),
    )
    expect(result.pages.map((p) => p.verdict)).toEqual([
      { kind: 'copy', variant: 'same', of: 'www.jnzgh.gov.cn/news/b.html' },
      { kind: 'article' },
      { kind: 'article' },
    ])
  })

  it("does not take a canonical address that pages with other titles name too as any page's own", () => {
    const result = analyseSite(
      [0, 1, 2].map((i) =>
        pageFeatures(
          `<html><head><title>第${i}篇新闻的标题</title><link rel="canonical" href="http://www.jnzgh.gov.cn/"></head><body><h1>第${i}篇新闻的标题</h1>${paragraph(i)}</body></html>`,
          `news/${i}.html`,
        ),
      ),
    )
    expect(result.pages.map((p) => p.addressShared)).toEqual([true, true, true])
  })

  it('never counts a line that carries the source, author or date as template', () => {
    expect(['来源：江南市总工会', '作者：林小雨', '发布时间：2019-03-12', '（江南市总工会供稿）'].every(keepsFields)).toBe(true)
    expect(keepsFields('版权所有 江南市总工会')).toBe(false)
  })

  it('drops template lines but never the title, and leaves one gap where they stood', () => {
    const template = new Set([lineKey('首页 新闻'), lineKey('江南市总工会简介')])
    expect(
      withoutTemplate(
        [
          { text: '首页 新闻' },
          { text: '' },
          { text: '江南市总工会简介', hint: 'title' },
          { text: '' },
          { text: '首页 新闻' },
          { text: '' },
          { text: '正文。' },
        ],
        template,
      ),
    ).toEqual([{ text: '' }, { text: '江南市总工会简介', hint: 'title' }, { text: '' }, { text: '正文。' }])
  })
})

describe('pages saved one by one from a browser ("网页，全部")', () => {
  it("skips the frames saved into a page's _files folder, and reads what a page is from its saved-from address", () => {
    const saved = (url: string, title: string, main: string) =>
      `<!-- saved from url=(0060)${url} -->\n<html><head><title>${title}_江南市总工会</title></head><body>${main}</body></html>`
    const result = analyseSite(
      [
        [
          '送清凉活动启动.htm',
          saved(`http://${HOST}/a/xinwen/2019/0611/140.html`, NEWS[3].title, NEWS[3].paragraphs.map((p) => `<p>${p}</p>`).join('')),
        ],
        ['送清凉活动启动_files/share.htm', '<html><body><a href="#">分享到微信</a> <a href="#">分享到微博</a></body></html>'],
        ['打印.htm', saved(`http://${HOST}/plus/print.php?aid=140`, NEWS[3].title, NEWS[3].paragraphs.map((p) => `<p>${p}</p>`).join(''))],
      ].map(([p, html]) => pageFeatures(html, p)),
    )
    expect(result.pages.map((p) => skipReason(p.verdict) ?? 'article')).toEqual([
      'article',
      '随 送清凉活动启动.htm 一起保存的框架页（广告、评论框、计数器等），不是文章',
      '打印版，与 送清凉活动启动.htm 是同一篇',
    ])
  })
})

describe('what a path says', () => {
  it.each([
    ['www.x.gov.cn/a/xinwen/list_1_2.html', { list: true, article: false }],
    ['a/xinwen/index_3.htm', { list: true }],
    ['news/list.php?page=2.html', { list: true }],
    ['bbs/forum.php?mod=forumdisplay&fid=2&page=3.html', { list: true }],
    ['bbs/forum-2-3.html', { list: true }],
    ['tags/职工书屋.html', { list: true }],
    ['a/xinwen/2019/0312/123.html', { article: true, part: { key: 'a/xinwen/2019/0312/123', n: 1 } }],
    ['a/xinwen/2019/0312/123_3.html', { part: { key: 'a/xinwen/2019/0312/123', n: 3 } }],
    ['xxgk/201903/t20190312_1234.html', { article: true, part: { key: 'xxgk/201903/t20190312_1234', n: 1 } }],
    ['xxgk/201903/t20190312_1234_1.html', { part: { key: 'xxgk/201903/t20190312_1234', n: 2 } }],
    ['html/news/show-12-345-2.html', { article: true, part: { key: 'html/news/show-12-345', n: 2 } }],
    ['plus/view.php?aid=123&pageno=2.html', { article: true }],
    [
      'index.php?m=content&c=index&a=show&catid=12&id=345&page=2.html',
      { list: false, article: true, part: { key: 'index.php?345', n: 2 } },
    ],
    ['index.php?m=content&c=index&a=lists&catid=12&page=2.html', { list: true }],
    ['news/view.asp?id=88&page=3.html', { article: true, part: { key: 'news/view.asp?88', n: 3 } }],
    ['bbs/thread-12-2-1.html', { article: true, part: { key: 'thread-12', n: 2 } }],
    ['bbs/forum.php?mod=viewthread&tid=12&page=2.html', { article: true, part: { key: 'thread-12', n: 2 } }],
    ['bbs/read-htm-tid-12-page-3.html', { part: { key: 'thread-12', n: 3 } }],
    ['plus/print.php?aid=123.html', { print: true }],
    ['print/a/1.html', { print: true }],
    ['m/view.php?aid=123.html', { mobile: true }],
    ['wap.jnzgh.gov.cn/news/1.html', { mobile: true }],
    ['mobile/news/1.html', { mobile: true }],
    ['www.jnzgh.gov.cn/a/xinwen/', { list: true }],
  ])('%s', (p, expected) => {
    expect(pathShape(p)).toMatchObject(expected)
  })
})

describe('the address recorded as 原文出处', () => {
  it('is rebuilt from the host folder wget and HTTrack keep, without the .html wget adds to a query', () => {
    expect(mirroredUrl('旧站/www.jnzgh.gov.cn/a/xinwen/2019/0312/123.html')).toBe('http://www.jnzgh.gov.cn/a/xinwen/2019/0312/123.html')
    expect(mirroredUrl('www.jnzgh.gov.cn/plus/view.php?aid=123.html')).toBe('http://www.jnzgh.gov.cn/plus/view.php?aid=123')
    expect(mirroredUrl('新闻/2019/123.html')).toBeUndefined()
    expect(mirroredUrl('index.html')).toBeUndefined()
  })

  it("is read from HTTrack's comment", () => {
    expect(
      httrackUrl('<html><!-- Mirrored from www.jnzgh.gov.cn/a/1.html by HTTrack Website Copier/3.x [XR&CO2014], Tue, 12 Mar 2019 -->'),
    ).toBe('http://www.jnzgh.gov.cn/a/1.html')
  })

  it("is the page's own address when it names one, made absolute; a local file is not an address", () => {
    expect(ownUrl('/a/1.html', 'http://www.jnzgh.gov.cn/a/xinwen/2.html')).toBe('http://www.jnzgh.gov.cn/a/1.html')
    expect(ownUrl('/a/1.html', undefined)).toBeUndefined()
    expect(ownUrl('file:///C:/Users/admin/Desktop/1.html', undefined)).toBeUndefined()
    expect(ownUrl('javascript:alert(1)', 'http://www.jnzgh.gov.cn/')).toBeUndefined()
    expect(ownUrl('https://www.jnzgh.gov.cn/a/1.html', undefined)).toBe('https://www.jnzgh.gov.cn/a/1.html')
  })

  it('is otherwise the path inside the imported folder, never a path on this machine', () => {
    expect(originalUrlOf({ relativePath: '旧站/新闻/123.html' })).toBe('旧站/新闻/123.html')
    expect(originalUrlOf({ relativePath: '旧站/新闻/123.html', named: 'file:///D:/旧站/新闻/123.html' })).toBe('旧站/新闻/123.html')
    expect(originalUrlOf({ relativePath: 'www.jnzgh.gov.cn/a/1.html', named: '/a/canonical.html' })).toBe(
      'http://www.jnzgh.gov.cn/a/canonical.html',
    )
    expect(relativeNames(['/srv/imports/7/files/site/a/1.html', '/srv/imports/7/files/b.html'], '/srv/imports/7/files')).toEqual([
      'site/a/1.html',
      'b.html',
    ])
    expect(relativeNames(['/home/staff/archive/www.jnzgh.gov.cn/a/1.html'], '/home/staff/archive/www.jnzgh.gov.cn')).toEqual([
      'www.jnzgh.gov.cn/a/1.html',
    ])
  })
})

describe('the same portal saved with HTTrack', () => {
  it("leaves out HTTrack's log and cache, skips its own pages, and reads a renamed print page's address from its comment", () => {
    const httrack = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-httrack-'))
    try {
      const written = writeHttrackMirror(httrack)
      const found = collectFiles([httrack])
      const foundNames = relativeNames(found.files, found.roots)
      expect(foundNames.sort()).toEqual(Object.keys(written).sort())
      const result = analyseFiles(found.files, foundNames)
      const kinds = Object.fromEntries(result.pages.map((p) => [p.path, p.verdict.kind === 'copy' ? p.verdict.variant : p.verdict.kind]))
      expect(kinds).toEqual(Object.fromEntries(Object.entries(written).map(([p, what]) => [p, what === 'tool' ? 'list' : what])))
      const print = result.pages.find((p) => p.path.endsWith('print4a3f.html'))!
      expect(print.mirrored).toBe(`http://${HOST}/plus/print.php?aid=123`)
      expect(skipReason(print.verdict)).toBe(`打印版，与 jnzgh/${HOST}/a/xinwen/2019/0312/123.html 是同一篇`)
    } finally {
      fs.rmSync(httrack, { recursive: true, force: true })
    }
  })
})
