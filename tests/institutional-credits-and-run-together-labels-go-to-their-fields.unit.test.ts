import { describe, expect, it } from 'vitest'

import { blockText } from '../cms/importer/blocks'
import { parsePage } from '../cms/importer/parse'
import { bodyHtml, paragraphs, portalPage } from './helpers/portalPages'

const headline = '江南大学举办第五届教职工运动会'
const h1 = `<h1>${headline}</h1>`

const read = (html: string) => {
  const page = parsePage(new TextEncoder().encode(html), 'page.html')
  const blocks = page.blocks.map(blockText).filter(Boolean)
  return { ...page, last: blocks.at(-1) ?? '', body: blocks.join('\n') }
}

const expectTextEnds = (page: ReturnType<typeof read>) => {
  expect(page.body).toContain(paragraphs[0].slice(0, 20))
  expect(page.last).toContain(paragraphs.at(-1)!.slice(-20))
}

describe('the credits universities and institutions print under the text', () => {
  it.each([
    ['label lines', '<p>文字：林晓燕　图片：王磊</p><p>编辑：陈静　审核：周明</p>'],
    ['one label a line', '<p>撰稿：林晓燕</p><p>摄影：王磊</p><p>编辑：陈静</p><p>审核：周明</p>'],
    ['slashes in brackets', '<p style="text-align:right">（文/林晓燕 图/王磊 编辑/陈静 审核/周明）</p>'],
  ])('name the writer as the author, the editor as the editor, and leave the text: %s', (_, credits) => {
    const page = read(
      portalPage({ header: `${h1}<div class="info">发布时间：2023-05-04 来源：校工会</div>`, article: `${bodyHtml()}${credits}` }),
    )
    expect(page.author).toBe('林晓燕')
    expect(page.responsibleEditor).toBe('陈静')
    expect(page.source).toBe('校工会')
    expectTextEnds(page)
    expect(page.body).not.toMatch(/林晓燕|王磊|陈静|周明|审核/)
  })

  it.each([
    ['on a line of its own', bodyHtml([...paragraphs, '（宣传科 林晓燕）'])],
    ['closing the last paragraph', bodyHtml([...paragraphs.slice(0, -1), `${paragraphs.at(-1)}（宣传科 林晓燕）`])],
  ])('reads a unit and its writer in brackets as the source and the author, not two names: %s', (_, article) => {
    const page = read(portalPage({ header: `${h1}<div class="info">发布时间：2023-05-04 10:21 浏览次数：356</div>`, article }))
    expect(page.author).toBe('林晓燕')
    expect(page.source).toBe('宣传科')
    expectTextEnds(page)
    expect(page.body).not.toContain('宣传科')
  })

  it('names the photographer as the author of a photo story that credits no writer', () => {
    const page = read(portalPage({ header: h1, article: `${bodyHtml()}<p>摄影：王磊</p>` }))
    expect(page.author).toBe('王磊')
  })

  it('keeps a caption labelled 图片： that names no one', () => {
    const page = read(
      portalPage({
        header: h1,
        article: `${bodyHtml(paragraphs.slice(0, 2))}<p>图片：运动会开幕式现场</p>${bodyHtml(paragraphs.slice(2))}`,
      }),
    )
    expect(page.body).toContain('图片：运动会开幕式现场')
    expect(page.author).toBeUndefined()
  })
})

describe('labels a template prints in spans with no space between them', () => {
  it('ends the source where the font-size switch runs into it', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info"><span>发布时间：2023-05-04 10:00</span><span>来源：市人社局</span><span>字号：<a>[大]</a><a>[中]</a><a>[小]</a></span></div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.source).toBe('市人社局')
    expect(page.publishedAt).toBe(new Date('2023-05-04T10:00:00+08:00').toISOString())
  })

  it('reads each one, and a date run into the last name ends it', () => {
    const page = read(
      portalPage({
        header: `${h1}<div class="info"><span>来源：工人日报</span><span>作者：本报记者 林晓燕 通讯员 王磊</span><span>2023-05-04 07:22</span></div>`,
        article: bodyHtml(),
      }),
    )
    expect(page.source).toBe('工人日报')
    expect(page.author).toBe('林晓燕 王磊')
    expect(page.publishedAt).toBe(new Date('2023-05-04T07:22:00+08:00').toISOString())
    expectTextEnds(page)
  })
})

describe('the labels universities and government offices use for their credits', () => {
  it.each([
    [
      '供稿单位 and 撰稿人 in the info bar',
      '<div class="info">发布时间：2023-05-04 供稿单位：工会 撰稿人：林晓燕 网络编辑：陈静</div>',
      '',
    ],
    [
      'the three reviews under the text',
      '<div class="info">发布时间：2023-05-04 供稿：工会</div>',
      '<p>撰稿：林晓燕</p><p>一审：陈静 二审：周明 三审：王磊</p>',
    ],
  ])('reads them into their fields: %s', (_, info, credits) => {
    const page = read(portalPage({ header: `${h1}${info}`, article: `${bodyHtml()}${credits}` }))
    expect(page.source).toBe('工会')
    expect(page.author).toBe('林晓燕')
    expectTextEnds(page)
    expect(page.body).not.toMatch(/林晓燕|一审|二审|三审/)
  })
})
