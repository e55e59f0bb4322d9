import { describe, expect, it } from 'vitest'

import { hasNoise, stripNoise } from '../cms/importer/noise'
import { repairPinyin } from '../cms/importer/repair'
import { detectScript } from '../cms/importer/script'
import { pinyinAnnotations } from './helpers/legacyDamage'

describe('repairing the broken Traditional converter', () => {
  it('removes the pinyin after each converted character, and counts each', () => {
    const damaged = '東港區(qū)總工會(huì)舉辦活動(dòng)'
    const annotations = pinyinAnnotations(damaged)
    const clean = annotations.reduce((text, a) => text.replace(a, a[0]!), damaged)
    expect(repairPinyin(damaged)).toEqual({ text: clean, repaired: annotations.length, unresolved: 0 })
  })

  it('accepts full-width brackets and toneless syllables after a Traditional form only', () => {
    expect(repairPinyin('職工們(men)都說好（hǎo）').text).toBe('職工們都說好')
    // `网(web)` is an English aside in Simplified text, not converter damage.
    expect(repairPinyin('登录工会网(web)版').text).toBe('登录工会网(web)版')
  })

  it('puts back a character lost as "?", from the same page or the common table, and drops the rest', () => {
    expect(repairPinyin('工會(huì)服務，工?huì)熱線').text).toBe('工會服務，工會熱線')
    expect(repairPinyin('來源:江南日?bào)').text).toBe('來源:江南日報')
    expect(repairPinyin('某?zhǒu)字')).toEqual({ text: '某字', repaired: 0, unresolved: 1 })
  })

  it('leaves ordinary brackets and question marks alone', () => {
    const text = '是地段?樓層?租金?工会(2021)年报(第3版)'
    expect(repairPinyin(text).text).toBe(text)
  })

  it('tells Traditional from Simplified pages', () => {
    expect(detectScript('東港區總工會舉辦職工技能大賽，參賽選手來自各個行業。')).toBe('traditional')
    expect(detectScript('东港区总工会举办职工技能大赛，参赛选手来自各个行业。')).toBe('simplified')
    // One Traditional name quoted in a Simplified article does not make it Traditional.
    expect(detectScript('东港区总工会举办职工技能大赛，参赛选手来自各个行业，香港選手也参加了比赛，大家交流了经验和体会。')).toBe(
      'simplified',
    )
  })
})

describe('removing anti-scraping noise strings', () => {
  it('strips random tails after paragraphs and headings, and noise lines between them, and counts each', () => {
    // Each line as written, and the noise a forum appended to it (or that stands alone).
    const page: [text: string, noise: string][] = [
      ['区总工会为骑手送去清凉包。', ' Zr!7~pQ  '],
      ['服务要跟上一整年', ' W%e a'],
      ['', '=K9 x&e  '],
      ['骑手可拨打12351热线求助。', ' k8+`D}'],
      ['驿站每天早七点到晚十点开放。', ''],
    ]
    const { lines, removed } = stripNoise(page.map(([text, noise]) => text + noise))
    expect(lines).toEqual(page.map(([text]) => text))
    expect(removed).toBe(page.filter(([, noise]) => noise).length)
  })

  it('keeps numbers, dates and words on a page that shows no noise', () => {
    const input = ['服务热线 12351', '- 2017/5/23 13:22:57', '发布于 2021-09-01', 'CBD']
    expect(stripNoise(input)).toEqual({ lines: input, removed: 0 })
  })

  it('on a noisy page, takes every ASCII tail, however plain', () => {
    const page: [text: string, noise: string][] = [
      ['第一段。', ' a#1~x'],
      ['第二段。', ' q(;Z'],
      ['第三段。', ' k SB'],
    ]
    const { lines, removed } = stripNoise(page.map(([text, noise]) => text + noise))
    expect(lines).toEqual(page.map(([text]) => text))
    expect(removed).toBe(page.length)
  })

  it('detects survivors', () => {
    expect(hasNoise('干净的段落。\n另一段。')).toBe(false)
    expect(hasNoise('干净的段落。 E?Zb~xk')).toBe(true)
  })
})
