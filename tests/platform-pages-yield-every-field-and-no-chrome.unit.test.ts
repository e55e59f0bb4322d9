import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { blockText, isImageBlock } from '../cms/importer/blocks'
import { hasNoise } from '../cms/importer/noise'
import { parsePage, type ParsedPage } from '../cms/importer/parse'

const dir = path.join(import.meta.dirname, 'fixtures', 'platforms')
const legacyDir = path.join(import.meta.dirname, 'fixtures', 'legacy')
const parse = (name: string, from = dir) => parsePage(fs.readFileSync(path.join(from, name)), name)
const paragraphs = (page: ParsedPage) => page.blocks.filter((b): b is string => typeof b === 'string')
const bodyOf = (page: ParsedPage) => page.blocks.map(blockText).filter(Boolean).join('\n')

interface Expected {
  platform: string
  encoding: string
  title: string
  publishedAt: string
  source?: string
  author?: string
  responsibleEditor?: string
  /** The first and last paragraph of the body, exactly. */
  first: string
  last: string
  paragraphs: number
}

/** Every fixture with every field it must yield; written from the fixtures' markup, not from the importer's output. */
const expected: Record<string, Expected> = {
  'discuz-x3-thread.html': {
    platform: 'Discuz!',
    encoding: 'GB18030',
    title: '望山街道职工篮球联赛开幕',
    publishedAt: '2021-09-01T12:15:00.000Z',
    source: '望山街道总工会',
    first: '9月1日晚，望山街道第三届职工篮球联赛在街道文体中心开幕，辖区十六家企业的球队报名参赛，比赛将持续到十月底。',
    last: '街道总工会主席表示，联赛不设门槛，基层班组、新就业形态劳动者都可以组队报名，赛程安排在晚上和周末，尽量不占用工作时间。',
    paragraphs: 3,
  },
  'discuz-x2-quote.html': {
    platform: 'Discuz!',
    encoding: 'GB18030',
    title: '东港区职工夜校春季班开始报名',
    publishedAt: '2012-03-05T01:40:00.000Z',
    first: '东港区职工夜校春季班从3月5日起接受报名，开设电工基础、烹饪、计算机操作和普通话四个班，全部免费。',
    last: '报名咨询电话：12351',
    paragraphs: 4,
  },
  'discuz-x34-relative.html': {
    platform: 'Discuz!',
    encoding: 'GB18030',
    title: '云溪县户外劳动者驿站新添二十台饮水机',
    publishedAt: '2019-07-16T06:05:37.000Z',
    first:
      '入伏以后，云溪县总工会为城区十二个户外劳动者服务驿站新添了二十台冷热饮水机，环卫工人、快递小哥和交通协管员可以随时进站喝水歇脚。',
    last: '县总工会提醒，户外劳动者在高温时段作业要注意防暑降温，遇到身体不适可以就近到驿站休息，也可拨打12351热线求助。',
    paragraphs: 3,
  },
  'phpwind8-thread.html': {
    platform: 'PHPWind',
    encoding: 'GB18030',
    title: '青湖区环卫工人免费体检开始预约',
    publishedAt: '2013-04-08T01:26:00.000Z',
    first: '青湖区总工会今年继续为全区环卫工人提供免费健康体检，预约从4月8日开始，到5月底结束。',
    last: '体检结果将以短信方式通知本人，发现问题的由医院安排复查，费用由区总工会承担。',
    paragraphs: 3,
  },
  'phpwind9-thread.html': {
    platform: 'PHPWind',
    encoding: 'UTF-8',
    title: '东港区举办新就业形态劳动者专场招聘会',
    publishedAt: '2015-06-10T01:00:00.000Z',
    first: '6月9日，东港区总工会联合区人社局在港城广场举办新就业形态劳动者专场招聘会，四十多家企业提供岗位一千二百余个。',
    last: '区总工会表示，下半年还将举办两场线上招聘，重点面向外卖骑手和网约车司机。',
    paragraphs: 3,
  },
  'phpcms-article.html': {
    platform: 'PHPCMS',
    encoding: 'UTF-8',
    title: '望山街道举办职工趣味运动会',
    publishedAt: '2017-04-12T02:30:05.000Z',
    source: '望山街道总工会',
    author: '钱晓峰',
    first: '4月11日，望山街道总工会在街道文体中心举办职工趣味运动会，二十二家单位的三百多名职工参加。',
    last: '街道总工会负责人说，趣味运动会门槛低、参与面广，一线职工和机关干部同场比赛，拉近了彼此的距离。',
    paragraphs: 3,
  },
  'empirecms-article.html': {
    platform: 'EmpireCMS',
    encoding: 'GB18030',
    title: '东港区开展职工心理健康讲座',
    publishedAt: '2018-07-02T07:40:11.000Z',
    source: '东港区总工会',
    author: '宣教部',
    first: '7月2日，东港区总工会在港城物流园举办职工心理健康讲座，邀请市心理咨询师协会的专家为一百多名仓储和货运职工授课。',
    last: '区总工会今年将在十个基层工会设立“职工心理驿站”，为职工提供免费的心理咨询服务。',
    paragraphs: 3,
  },
  'gov-trs-meta.html': {
    platform: '政府网站',
    encoding: 'UTF-8',
    title: '江南市总工会召开2023年职工技能提升工作推进会',
    publishedAt: '2023-05-12T08:20:00.000Z',
    source: '江南市总工会办公室',
    author: '陈立',
    first: '5月11日，江南市总工会召开2023年职工技能提升工作推进会，各区县总工会和产业工会分管负责人参加会议。',
    last: '会议还对劳模创新工作室建设作了部署，全年计划新命名市级劳模创新工作室二十家。',
    paragraphs: 4,
  },
  'gov-trs-nometa.html': {
    platform: '政府网站',
    encoding: 'GB18030',
    title: '云溪县总工会开展“送清凉”慰问活动',
    publishedAt: '2022-07-15T01:00:00.000Z',
    source: '云溪县总工会',
    first: '7月14日，云溪县总工会班子成员分成四组，走访慰问高温下坚守岗位的一线职工，送去西瓜、矿泉水和防暑药品。',
    last: '今年县总工会共筹集“送清凉”资金二十六万元，覆盖全县一百二十家企业的六千多名职工。',
    paragraphs: 3,
  },
  'gov-zoom-partial.html': {
    platform: '政府网站',
    encoding: 'UTF-8',
    title: '青湖区总工会发布职工法律援助服务指南',
    publishedAt: '2021-11-30T01:00:00.000Z',
    source: '青湖区总工会',
    author: '区总工会法律工作部',
    first: '为方便职工依法维护自身权益，青湖区总工会编写了职工法律援助服务指南，说明申请条件、所需材料和办理流程。',
    last: '申请时需提供身份证件、劳动关系证明和与争议有关的材料，工作站在五个工作日内答复是否给予援助。',
    paragraphs: 3,
  },
  'wechat-article.html': {
    platform: '微信公众号',
    encoding: 'UTF-8',
    title: '东港区首家“骑手之家”在港城街道揭牌',
    publishedAt: '2023-04-18T10:30:00.000Z',
    source: '东港工会',
    author: '东港区总工会',
    responsibleEditor: '王小溪',
    first: '4月18日上午，东港区首家“骑手之家”在港城街道老街社区揭牌，这里为外卖和快递骑手提供充电、歇脚、热饭和饮水服务。',
    last: '区总工会表示，年内还将在东港区另建五个骑手之家，做到骑手十分钟内能找到一个歇脚点。',
    paragraphs: 4,
  },
  'wechat-ct-only.html': {
    platform: '微信公众号',
    encoding: 'UTF-8',
    title: '青湖区开展职工子女暑期托管服务',
    publishedAt: '2021-07-10T08:00:00.000Z',
    source: '青湖职工之家',
    author: '林小雨',
    first: '7月10日，青湖区总工会职工子女暑期托管班开班，首批招收六到十二岁的职工子女一百二十名。',
    last: '托管期间的午餐和保险费用由区总工会承担，家长只需每天按时接送。',
    paragraphs: 3,
  },
  'unknown-portal.html': {
    platform: '通用',
    encoding: 'UTF-8',
    title: '港城街道为一线职工开设“爱心理发”服务',
    publishedAt: '2024-03-05T03:20:00.000Z',
    author: '孙海燕',
    first: '3月5日，港城街道总工会在街道职工之家开设“爱心理发”服务点，每月第一个周二为环卫、物业和快递一线职工免费理发。',
    last: '街道总工会表示，下一步还将增加修脚和按摩服务，让一线职工在家门口享受更多实惠。',
    paragraphs: 4,
  },
}

/**
 * What the fixtures' chrome says: profile boxes, post status lines, quotes of other posts,
 * attachment pop-ups, ratings, signatures, reply bars, later floors, info bars, print and
 * share tools, WeChat footers, sidebars, and every anti-scraping string hidden in them.
 */
const chrome = [
  '注册时间',
  '最后登录',
  '在线时间',
  '楼主',
  '沙发',
  '发表于',
  '发布于',
  '本帖最后由',
  '下载附件',
  '上传',
  '回复',
  '举报',
  '使用道具',
  '参与人数',
  '威望',
  '好帖',
  '支持一下',
  '只看该作者',
  '只看楼主',
  '电梯直达',
  '倒序浏览',
  '阅读模式',
  '复制链接',
  '[赛事]',
  '职工的事无小事',
  '宣教部',
  '夏日送清凉',
  '珍惜每一份辛劳',
  '港城工会，职工之家',
  '上学期的课程表',
  '港湾工会',
  '环卫所工会负责统计',
  '我们厂也报了名',
  '请问外区的职工',
  '好事，去年体检',
  '支持，希望多办几场',
  '饮水机\n',
  'k3Xq',
  'Wq9',
  '职工论坛p8',
  'b7Yz',
  '东港夜校k2',
  'z0P',
  'dJ8',
  '溪畔论坛',
  'K#4',
  'qA2',
  'uU7',
  '浏览次数',
  '字体',
  '打印',
  '关闭',
  '分享',
  '当前位置',
  '您现在的位置',
  '网站地图',
  'ICP',
  '网站标识码',
  '主办',
  '版权所有',
  '639',
  '1208',
  '阅读原文',
  '在看',
  '写留言',
  '二维码',
  '点击蓝字',
  '关注我们',
  '点击上方',
  '预览时标签不可点',
  '微信扫一扫',
  '往期推荐',
  '青湖区职工篮球赛开幕',
  '喜欢就点个',
  '编辑：',
  '上一篇',
  '下一篇',
  '上一条',
  '下一条',
  '相关',
  '导读',
  '点击',
  '评论',
  '频道总排行',
  '青湖区送清凉活动启动',
  '热门排行',
  '便民电话',
  '社区开展消防演练',
  '港城社区网',
  '作者',
  '通讯员',
  '来源',
  '撰稿',
  '发布时间',
  '日期：',
  'Powered',
  'Discuz',
  'phpwind',
  'PHPCMS',
  'EmpireCMS',
  'GMT',
  '登录',
  '注册',
  '首页',
  '<',
  '>',
]

describe.each(Object.entries(expected))('%s', (name, want) => {
  const page = parse(name)

  it('yields title, date, source, author, editor and the reader that read it', () => {
    expect({
      platform: page.platform,
      encoding: page.encoding,
      title: page.title,
      publishedAt: page.publishedAt,
      source: page.source,
      author: page.author,
      responsibleEditor: page.responsibleEditor,
    }).toEqual({
      platform: want.platform,
      encoding: want.encoding,
      title: want.title,
      publishedAt: want.publishedAt,
      source: want.source,
      author: want.author,
      responsibleEditor: want.responsibleEditor,
    })
  })

  it('keeps the body from its first to its last paragraph', () => {
    const ps = paragraphs(page)
    expect(ps[0]).toBe(want.first)
    expect(ps.at(-1)).toBe(want.last)
    expect(ps).toHaveLength(want.paragraphs)
  })
})

describe('every platform and legacy fixture', () => {
  const pages = [
    ...fs
      .readdirSync(dir)
      .filter((f) => /\.html?$/.test(f))
      .map((f) => [f, parse(f)] as const),
    ...fs
      .readdirSync(legacyDir)
      .filter((f) => /\.(txt|html?)$/.test(f))
      .map((f) => [f, parse(f, legacyDir)] as const),
  ]

  it('has an expectation for every platform fixture', () => {
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => /\.html?$/.test(f))
        .sort(),
    ).toEqual(Object.keys(expected).sort())
  })

  it.each(pages)('%s: no chrome, noise or markup string survives in the body', (name, page) => {
    const body = bodyOf(page)
    expect(hasNoise(body)).toBe(false)
    for (const bit of chrome) {
      // Legacy fixtures legitimately say 来源/作者 in quotes; only the platform pages are checked for those.
      if (name in expected || !['来源', '作者', '通讯员', '发布时间', '相关', '点击', '评论', '宣教部', '饮水机\n'].includes(bit)) {
        expect(body, `"${bit}" in ${name}`).not.toContain(bit)
      }
    }
    for (const run of body.match(/[\x21-\x7e]+/g) ?? []) expect(run, name).toMatch(/^[\d.,%():;]+$/)
  })
})

describe('hidden text and dates that are not the post date', () => {
  it('takes a Discuz! X3.4 date from the title attribute when the text is relative', () => {
    expect(parse('discuz-x34-relative.html').publishedAt).toBe('2019-07-16T06:05:37.000Z')
  })

  it('reads WeChat text although #js_content is hidden, and the date from var ct when #publish_time is empty', () => {
    const page = parse('wechat-ct-only.html')
    expect(paragraphs(page)).toHaveLength(3)
    expect(page.publishedAt).toBe(new Date(1625904000 * 1000).toISOString())
  })

  it('drops the headline a WeChat account printed again as <h1> at the head of a reposted report', () => {
    const html = fs
      .readFileSync(path.join(dir, 'wechat-ct-only.html'), 'utf8')
      .replace(
        /(<div class="rich_media_content " id="js_content"[^>]*>)/,
        '$1<h1><span><strong>青湖区总工会举行</strong></span></h1><h1><strong>职工子女暑期托管班开班仪式</strong></h1>',
      )
    const page = parsePage(new TextEncoder().encode(html), 'wechat-repost.html')
    expect(page.title).toBe('青湖区开展职工子女暑期托管服务')
    expect(page.blocks.map(blockText).find(Boolean)).toBe(
      '7月10日，青湖区总工会职工子女暑期托管班开班，首批招收六到十二岁的职工子女一百二十名。',
    )
    expect(bodyOf(page)).not.toMatch(/举行|开班仪式/)
  })

  it('keeps the government section and site name from the meta tags', () => {
    const page = parse('gov-trs-meta.html')
    expect({ column: page.column, siteName: page.siteName }).toEqual({ column: '工作动态', siteName: '江南市总工会' })
  })
})

describe('images in the body', () => {
  it('keeps a WeChat photo with its saved file, remote address and caption, and drops the QR code', () => {
    const images = parse('wechat-article.html').blocks.filter(isImageBlock)
    expect(images).toEqual([
      {
        image: {
          sources: ['./wechat-article_files/640(1).jpeg', 'https://mmbiz.qpic.cn/mmbiz_jpeg/abc123/640?wx_fmt=jpeg'],
          alt: undefined,
        },
        caption: '骑手之家揭牌仪式现场',
      },
      { image: { sources: ['https://mmbiz.qpic.cn/mmbiz_png/abc124/640?wx_fmt=png'], alt: undefined } },
    ])
  })

  it('finds a Discuz! attachment behind its placeholder and drops the attachment pop-up', () => {
    const page = parse('discuz-x3-thread.html')
    const images = page.blocks.filter(isImageBlock)
    expect(images.map((b) => [b.image.sources, b.caption])).toEqual([
      [['data/attachment/forum/202109/01/201301opening.jpg'], '开幕式上，青年职工啦啦队表演了原创舞蹈'],
    ])
  })
})
