import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { hasNoise } from '../cms/importer/noise'
import { parsePage, type ParsedPage } from '../cms/importer/parse'
import { pinyinAnnotations, plantedNoise } from './helpers/legacyDamage'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'legacy')
const raw = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')
const parse = (name: string) => parsePage(fs.readFileSync(path.join(fixtures, name)), name)
const fields = ({ blocks: _blocks, noiseRemoved: _n, pinyinRepaired: _p, ...rest }: ParsedPage) => rest
/** Everything an import writes: the fields and the body. */
const written = (page: ParsedPage) =>
  [...Object.values(fields(page)).filter((v): v is string => typeof v === 'string'), allText(page)].join('\n')
const allText = (page: ParsedPage) =>
  [page.title, page.summary ?? '', ...page.blocks.map((b) => (typeof b === 'string' ? b : 'heading' in b ? b.heading : b.caption))].join(
    '\n',
  )

/** Strings from the chrome of the fixtures; none may reach an article. */
const chrome = [
  '签到',
  '会员列表',
  '级别',
  'UID',
  '财富',
  '威望',
  '注册时间',
  '最后登录',
  '管理提醒',
  '加亮',
  '评价一下',
  '精彩',
  '灌水',
  '快速回复',
  '验证问题',
  '正确答案',
  'Ctrl',
  '上一个',
  '查看完整版本',
  '打印本页',
  '登录',
  '注册',
  'Powered',
  'PHPWind',
  'Discuz',
  'Gzip',
  '返回頂部',
  '責編',
  '瀏覽',
  '相關閱讀',
  '(qū)',
  '(huì)',
  '?bào)',
  '扫一扫',
  '发布者',
  '查看:',
  '飞过',
  '鲜花',
  '分享到',
  '相关阅读',
  '最新评论',
  '关于我们',
  'GMT',
  '摘要',
  '□',
  '来源',
  '來源',
  '首页',
  '<',
  '>',
  '当前位置',
  '江南职工网',
  '分隔线',
  '上一篇',
  '编辑：',
  '沙发',
  '只看该作者',
  '支持一下',
]

describe('a forum post with profile box, moderator notice and noise strings', () => {
  const page = parse('forum-post.txt')

  it('yields the post title, date and source, and no author (the poster only reposted it)', () => {
    expect(fields(page)).toEqual({
      title: '东港区外卖骑手集中入会 “暖蜂驿站”同步开放',
      publishedAt: '2023-06-18T01:00:00.000Z',
      source: '江南工人报',
      author: undefined,
      responsibleEditor: undefined,
      summary: undefined,
      tags: [],
      url: undefined,
      encoding: 'UTF-8',
      script: 'simplified',
      platform: '文本',
    })
  })

  it('keeps paragraphs and section headings and nothing else', () => {
    expect(page.blocks).toEqual([
      '6月17日晚,东港区总工会在港城街道外卖配送站举行新就业形态劳动者集中入会仪式,来自三家配送站点的162名骑手现场扫码入会,领到了会员卡和夏季清凉包。',
      { heading: '入会只要一分钟,服务要跟上一整年' },
      '区总工会组织部负责人介绍,骑手流动性大、作息不固定,传统的“单位建会”很难覆盖。今年区总工会改用“站点建会、区域兜底”的办法,由配送站点所在街道工会负责日常联系,骑手换了平台也不用重新办手续。',
      '入会仪式结束后,港城街道“暖蜂驿站”正式开放。驿站设在老街社区服务中心一楼,配有饮水机、微波炉、充电柜和急救药箱,每天早七点到晚十点开放,骑手凭会员卡还能领取免费午餐券。',
      { heading: '困难骑手可申请专项帮扶' },
      '对家庭遭遇重大变故的骑手,区总工会设立专项帮扶资金,符合条件的可申请一次性救助。骑手遇到欠薪、工伤等问题,可拨打12351职工服务热线求助。',
    ])
  })

  it('removes every noise string the page carries, and counts each', () => {
    const noise = plantedNoise(raw('forum-post.txt'))
    expect(noise.length, 'the fixture carries noise strings').toBeGreaterThan(0)
    for (const bit of noise) expect(written(page), bit).not.toContain(bit)
    // The count also takes Han-less chrome lines it blanks on a noisy page (`UID: 20571`).
    expect(page.noiseRemoved).toBeGreaterThanOrEqual(noise.length)
  })
})

describe('a forum "print this page" frame with noise on every other line', () => {
  const page = parse('forum-print.txt')

  it('takes the title from the frame and the date from the post header', () => {
    expect(fields(page)).toMatchObject({
      title: '云溪县竹岭镇：山里的职工书屋亮灯了',
      publishedAt: '2024-04-02T01:15:00.000Z',
      source: undefined,
      author: undefined,
      script: 'simplified',
    })
  })

  it('drops the noise lines and tails and keeps the four paragraphs and the heading', () => {
    expect(page.blocks).toEqual([
      '3月下旬,云溪县竹岭镇茶叶加工园区的职工书屋正式开放。书屋由镇总工会和园区企业共同出资建设,面积约六十平方米,藏书两千余册。',
      { heading: '书屋晚上也开门' },
      '采茶季加工车间实行两班倒,不少职工下夜班后才有空看书。镇总工会和园区商量后,把书屋开放时间延长到晚上九点,并安排职工志愿者轮流值守。',
      '“以前想查点制茶的资料,要跑到县城图书馆。现在下了班走几步就到。”加工车间的一名年轻炒茶师傅说。',
      '竹岭镇总工会主席张一禾表示,下一步镇总工会还将在书屋开设茶艺和电商直播培训,让职工在家门口学到新本事。',
    ])
  })

  it('removes every noise line and tail the frame carries, and counts each', () => {
    const noise = plantedNoise(raw('forum-print.txt'))
    expect(noise.length, 'the fixture carries noise strings').toBeGreaterThan(0)
    for (const bit of noise) expect(written(page), bit).not.toContain(bit)
    expect(page.noiseRemoved).toBeGreaterThanOrEqual(noise.length)
  })
})

describe('a page from a broken Traditional converter', () => {
  const page = parse('pinyin-traditional.txt')

  it('removes the pinyin, restores the lost character of the source and records the Traditional script', () => {
    expect(fields(page)).toEqual({
      title: '青湖區總工會爲環衛工人開設“愛心早餐”點',
      publishedAt: '2019-11-08T00:30:12.000Z',
      source: '江南日報',
      // The name after the original title, since the page has no byline.
      author: '林小雨',
      responsibleEditor: '周敏',
      summary: undefined,
      tags: [],
      url: undefined,
      encoding: 'UTF-8',
      script: 'traditional',
      platform: '文本',
    })
  })

  it('repairs every pinyin annotation in the page, and counts each', () => {
    const annotations = pinyinAnnotations(raw('pinyin-traditional.txt'))
    expect(annotations.length, 'the fixture carries converter damage').toBeGreaterThan(0)
    // The syllable after the character (or after the "?" it became) is gone, whatever brackets are left.
    for (const a of annotations) expect(written(page), a).not.toContain(a.replace(/^\p{Script=Han}|[?？()（）]/gu, ''))
    // Repair runs over the whole page before it is read, so the related-reading list counts too.
    expect(page.pinyinRepaired).toBe(annotations.length)
  })

  it('keeps the body up to "back to top" and drops the related-reading list', () => {
    expect(page.blocks).toEqual([
      '入冬以來,青湖區總工會聯合轄區十二家早餐店,爲清晨作業的環衛工人開設“愛心早餐”點,每天早上五點半到七點,環衛工人憑工作證可以免費領取一份熱豆漿和兩個包子。',
      '區總工會負責人介紹,環衛工人凌晨四點多就要上崗,很多人顧不上喫早飯。早餐點的費用由區總工會從職工服務經費中列支,參與的店家每月按實際份數結算。',
      { heading: '早餐點也是服務點' },
      '各早餐點還擺放了工會服務手冊和12351熱線宣傳卡,環衛工人遇到勞動糾紛、工傷報銷等問題,可以現場登記,由區總工會法律服務窗口統一跟進。',
      '據統計,“愛心早餐”點開設一個月來,已累計送出早餐一萬兩千餘份。(原標題:一份熱早餐 暖了環衛人 林小雨)',
    ])
  })
})

describe('a portal article saved as HTML', () => {
  const page = parse('portal-article.html')

  it('reads title, date, source, byline and summary from the page', () => {
    expect(fields(page)).toEqual({
      title: '东港区叉车司机比武 十名“金牌叉手”出炉',
      publishedAt: '2020-05-12T08:40:00.000Z',
      source: '江南工人报',
      author: '陈晓东 刘洋',
      responsibleEditor: undefined,
      summary: '五一前后，东港区总工会联合区交通运输局举办叉车司机技能比武，来自二十六家物流和制造企业的八十多名叉车司机同场竞技。',
      tags: [],
      url: undefined,
      encoding: 'UTF-8',
      script: 'simplified',
      platform: '通用',
    })
  })

  it('turns bold and h3 lines into headings and the line under the photo into a caption', () => {
    expect(page.blocks).toEqual([
      '五一前后，东港区总工会联合区交通运输局举办叉车司机技能比武，来自二十六家物流和制造企业的八十多名叉车司机同场竞技。',
      '比赛在港城物流园的仓库里进行，分理论考试和实操两部分。实操项目包括“叉车绕桩”“托盘码垛”和“叉取水瓶”，既考速度，也考稳当。',
      { heading: '一瓶水见真功夫' },
      '最受关注的是“叉取水瓶”：选手要驾驶叉车，用货叉把立在木桩上的矿泉水瓶稳稳取下，再放回原处，瓶子倒了就要扣分。港城冷链公司的司机吴海峰一口气完成全部动作，用时不到两分钟。',
      { image: { sources: ['data/attachment/portal/202005/12/forklift.jpg'], alt: undefined }, caption: '选手在“叉取水瓶”项目中比赛' },
      { caption: '选手在“叉取水瓶”项目中比赛' },
      { heading: '获奖选手可申报技术能手' },
      '经过两天比拼，共有十名选手获得“金牌叉手”称号。区总工会表示，获奖选手可按规定申报区级技术能手，所在企业工会还将为他们发放技能提升补贴。',
      '“平时天天开叉车，没想到还能开出个名堂来。”吴海峰说，回去以后要把比赛里学到的操作规范教给班组里的年轻人。',
    ])
  })
})

describe('an annual report without a date, with photo captions between paragraphs', () => {
  const page = parse('annual-report.txt')

  it('has no date, takes the real title and keeps the slogan above it as a tag', () => {
    expect(fields(page)).toEqual({
      title: '2021年江南市东港区总工会工作回眸',
      publishedAt: undefined,
      source: undefined,
      author: undefined,
      responsibleEditor: undefined,
      summary: undefined,
      tags: ['实干担当 勇立潮头'],
      url: undefined,
      encoding: 'UTF-8',
      script: 'simplified',
      platform: '文本',
    })
  })

  it('keeps captions as captions and rejoins the paragraph the photo interrupted', () => {
    expect(page.blocks).toEqual([
      { caption: '区总工会主席调研海澄街道快递行业工会联合会' },
      { heading: '以建会入会为抓手，扩大工会组织覆盖面' },
      '推进新业态建会。全年新建快递、外卖、网约车等行业工会联合会九家，发展新就业形态劳动者会员四千二百余名。在港城街道、海澄街道试点“站点建会”，把工会服务送到配送站点和骑手聚集点。同时完善会员实名制数据库，做到会员信息随时可查、会籍关系随人转接。',
      { caption: '海澄街道快递驿站工会小家揭牌' },
      { heading: '以普惠服务为载体，提升职工获得感' },
      '办好职工暖心实事。组织全区职工免费观影六十场，发放游泳券和健身券一万一千余张，开展“金秋助学”活动，资助困难职工子女一百三十人。',
      { caption: '东港区职工运动会拔河比赛现场' },
      '加强户外劳动者服务。新建户外劳动者服务驿站十二个，驿站全部接入全市地图导航，环卫、快递、交警等户外劳动者可以就近饮水、热饭和休息。',
    ])
  })
})

describe('a DedeCMS article with the site logo in an h1 and the credits on one line', () => {
  const page = parse('dedecms-article.htm')

  it('takes the heading that matches <title>, and date, source, author and the editor in brackets', () => {
    expect(fields(page)).toMatchObject({
      title: '青湖区举办女职工权益保护知识竞赛',
      publishedAt: '2016-03-07T07:22:00.000Z',
      source: '青湖区总工会',
      author: '女工部',
      responsibleEditor: '王芳',
      platform: 'DedeCMS',
    })
    expect(page.blocks).toEqual([
      '3月7日，青湖区总工会举办女职工权益保护知识竞赛，全区十支代表队参加比赛。',
      '竞赛内容包括《女职工劳动保护特别规定》、孕期和哺乳期权益等，设必答题、抢答题和案例分析题三个环节。',
      { image: { sources: ['/uploads/160307/1-1603071522.jpg'], alt: undefined }, caption: '比赛现场' },
      { caption: '比赛现场' },
      '经过激烈角逐，湖滨街道代表队获得一等奖。区总工会表示，将把竞赛题目汇编成册，发放到各基层工会。',
    ])
  })
})

describe('a forum thread saved with its replies', () => {
  it('keeps the first post and stops at the first reply', () => {
    const page = parse('forum-thread.txt')
    expect(fields(page)).toMatchObject({ title: '望山街道职工篮球联赛开幕', publishedAt: '2021-09-01T12:15:00.000Z' })
    expect(page.blocks).toEqual([
      '9月1日晚，望山街道第三届职工篮球联赛在街道文体中心开幕，辖区十六家企业的球队报名参赛，比赛将持续到十月底。',
      '街道总工会为每支球队准备了统一的球衣和运动饮料，并邀请专业裁判执裁。',
    ])
  })
})

describe('every fixture', () => {
  const names = fs.readdirSync(fixtures).filter((f) => /\.(txt|html?)$/.test(f))

  it.each(names)('%s: no noise string, chrome or markup survives', (name) => {
    const page = parse(name)
    const text = allText(page)
    expect(hasNoise(text)).toBe(false)
    for (const bit of chrome) expect(text, `"${bit}" in ${name}`).not.toContain(bit)
    // Any ASCII left in a body is a number, a percentage or a hotline, never a random run.
    for (const run of text.match(/[\x21-\x7e]+/g) ?? []) expect(run).toMatch(/^[\d.,%():;]+$/)
  })
})
