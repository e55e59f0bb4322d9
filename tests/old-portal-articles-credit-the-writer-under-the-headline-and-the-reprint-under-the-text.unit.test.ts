import { describe, expect, it } from 'vitest'

import { INFERRED_DATE_TAG } from '../cms/importer/date'
import { oldPage as page, paragraphHtml, readPage as read } from './helpers/oldPages'
import { paragraphs } from './helpers/portalPages'

/**
 * Articles as portals and magazine sites of 2003–2006 printed them (our own text): the writer's
 * name alone under the headline, a `——` subtitle, a deck above the byline, a headline split
 * over two lines, and a closing line naming the magazine the text was first printed in.
 */
const paras = paragraphHtml

describe('a magazine text reprinted with its writer under the headline and its issue under the text', () => {
  const reprint = () =>
    read(
      page(
        '显示',
        `<p>站点入会的那一天(上)</p>
<p>林晓燕</p>
<p>——关于新就业形态劳动者入会的思考 (上)</p>
${paras(paragraphs.slice(0, -1))}
<p>${paragraphs.at(-1)!}(未完待续)□</p>
<p>——《江南工运》1998年3月号</p>`,
      ),
    )

  it('names the writer and keeps the subtitle as the summary, out of the text', () => {
    const { author, summary, first } = reprint()
    expect(author).toBe('林晓燕')
    expect(summary).toBe('关于新就业形态劳动者入会的思考 (上)')
    expect(first).toBe(paragraphs[0])
  })

  it('takes the magazine as the source and its issue month as a date to be checked', () => {
    const { source, publishedAt, tags, last, body } = reprint()
    expect(source).toBe('江南工运')
    expect(publishedAt).toBe(new Date('1998-03-01T09:00:00+08:00').toISOString())
    expect(tags).toContain(INFERRED_DATE_TAG)
    expect(last).toMatch(/有依靠。\(未完待续\)□$/)
    expect(body).not.toContain('江南工运')
  })

  it('reads a bracketed 原载 line with its full date', () => {
    const { source, publishedAt, tags, last } = read(
      page('站点入会的那一天', `<p>站点入会的那一天</p>\n${paras()}\n<p>（原载《江南日报》2005年3月2日第3版）</p>`),
    )
    expect(source).toBe('江南日报')
    expect(publishedAt).toBe(new Date('2005-03-02T09:00:00+08:00').toISOString())
    expect(tags).not.toContain(INFERRED_DATE_TAG)
    expect(last).toBe(paragraphs.at(-1))
  })
})

describe('a short line under the headline that is no name', () => {
  it('stays in the text when the text goes on to discuss it', () => {
    const { author, first } = read(
      page(
        '职工体检小知识',
        `<p>职工体检小知识</p>
<p>黄疸</p>
<p>黄疸是体检中常见的一项异常，多数与饮食和作息有关，发现后应在一周内到职工医院复查肝功能。</p>
${paras()}`,
      ),
    )
    expect(author).toBeUndefined()
    expect(first).toBe('黄疸')
  })
})

describe('the headline block of an old portal article', () => {
  it('drops the second half of a headline printed on a line of its own', () => {
    const { first, title } = read(
      page(
        '江南市总工会送清凉 一线职工喝上“防暑茶”',
        `<h1>江南市总工会送清凉 一线职工喝上“防暑茶”</h1>
<p>2005-07-10 11:55:08 来源: 江南日报</p>
<h3>一线职工喝上“防暑茶”</h3>
${paras()}`,
      ),
    )
    expect(title).toBe('江南市总工会送清凉 一线职工喝上“防暑茶”')
    expect(first).toBe(paragraphs[0])
  })

  it('keeps a deck printed above the byline as the summary', () => {
    const { first, summary, author } = read(
      page(
        '新就业形态劳动者入会集中行动启动',
        `<h1>新就业形态劳动者入会集中行动启动</h1>
<p>2005-04-25 08:24:06 来源: 江南日报</p>
<p>市总工会负责同志说，要让快递员和外卖送餐员在城市里有依靠</p>
<p>本报记者 林晓燕 发自青湖</p>
${paras()}`,
      ),
    )
    expect(summary).toBe('市总工会负责同志说，要让快递员和外卖送餐员在城市里有依靠')
    expect(author).toBe('林晓燕')
    expect(first).toBe(paragraphs[0])
  })
})

describe('the end of an old portal article', () => {
  it('drops an ad slogan printed after the 来源 line that closes the text', () => {
    const { last, body, source } = read(
      page(
        '新就业形态劳动者入会见闻',
        `<h1>新就业形态劳动者入会见闻</h1>
<p>2005-04-28 08:24:06</p>
${paras()}
<p>来源：江南工人报</p>
<p>·职工书屋开放 (2005-04-27 18:03PM)</p>
<p>盛典商机无限</p>`,
      ),
    )
    expect(source).toBe('江南工人报')
    expect(last).toBe(paragraphs.at(-1))
    expect(body).not.toContain('商机')
  })

  it('drops a promo box of links with its captions under them', () => {
    const { last, body } = read(
      page(
        '新就业形态劳动者入会见闻',
        `<h1>新就业形态劳动者入会见闻</h1>
<p>2005-04-05 08:24:06</p>
${paras()}
<p><a href="/a/1">为孩子我愿舍弃一切</a></p>
<p><a href="/a/2">白领生活痛并快乐着</a></p>
<p><a href="/a/3">教你提升职场知名度</a></p>
<p>消费热点</p>
<p>招商创业 商城推荐</p>`,
      ),
    )
    expect(last).toBe(paragraphs.at(-1))
    expect(body).not.toMatch(/舍弃|消费热点|招商/)
  })
})

describe('a research report dated by its month, with its writers credited under the text', () => {
  it('dates it by the month to be checked, and names the writers, out of the text', () => {
    const { publishedAt, tags, author, last, body } = read(
      page(
        '江南市新就业形态劳动者入会情况调查报告',
        `<h2>江南市新就业形态劳动者入会情况调查报告</h2>
<h3>江南市总工会调研课题组</h3>
<h3>2003年5月</h3>
${paras()}
<p>执笔人：林晓燕 王磊 陈静</p>
<p>编辑： 周明</p>`,
      ),
    )
    expect(publishedAt).toBe(new Date('2003-05-01T09:00:00+08:00').toISOString())
    expect(tags).toContain(INFERRED_DATE_TAG)
    expect(author).toBe('林晓燕 王磊 陈静')
    expect(last).toBe(paragraphs.at(-1))
    expect(body).not.toMatch(/执笔|2003年5月/)
  })
})
