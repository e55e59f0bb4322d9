import { describe, expect, it } from 'vitest'

import { DuplicateIndex } from '../cms/importer/dedupe'
import { matchRegion } from '../cms/importer/region'
import { blocksToLexical, isCaption } from '../cms/seed/richText'

const body =
  '入冬以来，青湖区总工会联合辖区十二家早餐店，为清晨作业的环卫工人开设爱心早餐点，每天早上五点半到七点，环卫工人凭工作证可以免费领取一份热豆浆和两个包子。' +
  '区总工会负责人介绍，环卫工人凌晨四点多就要上岗，很多人顾不上吃早饭。早餐点的费用由区总工会从职工服务经费中列支，参与的店家每月按实际份数结算。'

describe('recognising a page imported before', () => {
  const index = new DuplicateIndex()
  const first = {
    title: '青湖区为环卫工人开设爱心早餐点',
    publishedAt: '2019-11-08T00:30:12.000Z',
    label: '#1',
    originalUrl: 'http://www.jnzgh.gov.cn/a/xinwen/2019/1108/1.html',
  }
  index.add(first, body)

  it('by the same title on the same day, in either script and with other punctuation', () => {
    expect(index.find('青湖區為環衛工人開設愛心早餐點', '2019-11-08T09:00:00.000Z', '另一篇完全不同的正文。')).toEqual({
      of: first,
      reason: 'title-date',
    })
    expect(index.find('青湖区为环卫工人开设“爱心早餐”点', '2019-11-08T01:00:00.000Z', '')?.reason).toBe('title-date')
    expect(index.find('青湖区为环卫工人开设爱心早餐点', '2020-11-08T01:00:00.000Z', '另一年的同名通知。')).toBeUndefined()
  })

  it('by a near-identical body under another title', () => {
    const reposted = body.replace('十二家', '12家').replace('两个包子', '两个馒头')
    expect(index.find('环卫工人吃上免费早餐', '2019-11-09T00:00:00.000Z', reposted)).toEqual({ of: first, reason: 'body' })
    expect(
      index.find(
        '环卫工人吃上免费早餐',
        undefined,
        '东港区总工会举办叉车司机技能比武，八十多名叉车司机同场竞技，比赛分理论考试和实操两部分，实操项目包括叉车绕桩和托盘码垛。',
      ),
    ).toBeUndefined()
  })

  it('by the same address, even under a title read differently', () => {
    expect(index.find('改过的标题', undefined, '', 'http://www.jnzgh.gov.cn/a/xinwen/2019/1108/1.html')?.reason).toBe('same-file')
  })

  it('by the same path inside an import only under the same title, since such paths recur across archives', () => {
    const notice = { title: '东港区职工书屋周末照常开放', publishedAt: null, label: '#3', originalUrl: '通知/1.html' }
    index.add(notice, '')
    expect(index.find('东港区职工书屋周末照常开放', undefined, '', '通知/1.html')).toEqual({ of: notice, reason: 'same-file' })
    expect(index.find('云溪县总工会换届选举的通知', undefined, '', '通知/1.html')).toBeUndefined()
  })

  it('forgets an article whose write failed', () => {
    const other = { title: '另一篇', publishedAt: null, label: '#2' }
    index.add(other, '')
    index.remove(other)
    expect(index.find('另一篇', null, '')).toBeUndefined()
  })
})

describe('matching the region an article names', () => {
  const regions = [
    { id: 1, name: '江南市', level: 'city' },
    { id: 2, name: '青湖区', level: 'district' },
    { id: 3, name: '东港区', level: 'district' },
    { id: 4, name: '湖滨街道', level: 'subdistrict' },
  ]
  const named = (name: string) => regions.find((r) => r.name === name)!
  it('prefers the title, then the most mentioned, then the more local', () => {
    expect(matchRegion('东港区举办技能比武', '江南市青湖区、青湖区', regions)).toBe(named('东港区'))
    expect(matchRegion('职工技能比武', '江南市青湖区的选手，青湖区湖滨街道的选手', regions)).toBe(named('青湖区'))
    expect(matchRegion('职工技能比武', '江南市湖滨街道', regions)).toBe(named('湖滨街道'))
    expect(matchRegion('杭州市职工技能比武', '杭州市的选手', regions)).toBeUndefined()
  })
})

describe('rich text for imported bodies', () => {
  it('writes captions as centred italic paragraphs and leaves seed paragraphs and headings as they were', () => {
    const { root } = blocksToLexical(['段落', { heading: '小标题' }, { caption: '图片说明' }])
    const [paragraph, heading, caption] = root.children
    expect(paragraph).toMatchObject({ type: 'paragraph', format: '', textFormat: 0, children: [{ text: '段落', format: 0 }] })
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2', children: [{ text: '小标题', format: 0 }] })
    expect(caption).toMatchObject({ type: 'paragraph', format: 'center', children: [{ text: '图片说明', format: 2 }] })
    expect(root.children.map(isCaption)).toEqual([false, false, true])
  })
})

describe('dates for undated pages', async () => {
  const { inferDate } = await import('../cms/importer/date')
  const now = new Date('2026-11-21T00:00:00Z')
  it('takes the latest full date the text mentions, ignoring future ones', () => {
    expect(inferDate('年度回顾', '3月5日前后……2019年3月5日启动，2019年11月20日总结，2030年1月1日远景', now)).toEqual({
      iso: '2019-11-20T01:00:00.000Z',
      basis: '正文提到的最晚日期 2019年11月20日',
    })
  })
  it('falls back to 31 December of the year in the title, and gives up without one', () => {
    expect(inferDate('2015年区总工会工作总结', '全年走访企业百余家', now)?.iso).toBe('2015-12-31T01:00:00.000Z')
    expect(inferDate('区总工会工作要点', '今年重点做好两件事', now)).toBeUndefined()
  })
})
