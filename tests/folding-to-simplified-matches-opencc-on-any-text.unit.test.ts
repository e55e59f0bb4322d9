import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'

import { toSimplified } from '../site/search/text'

/**
 * The search index folds text to Simplified script with a shortcut (site/search/text.ts):
 * only Han runs around characters OpenCC may change are converted. The shortcut must give
 * exactly what OpenCC gives for the whole text, on any mix of scripts, phrases whose
 * characters change only together (重覆 → 重复, but 覆盖 stays), characters outside the BMP
 * and stray surrogates.
 */
const reference = OpenCC.Converter({ from: 't', to: 'cn' })
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

const pieces = [
  '江南市总工会开展金秋助学活动，为困难职工子女发放助学金。',
  '户外劳动者驿站WiFi覆盖，提供热水和充电。',
  '重覆申请的材料不予受理',
  '乾隆年间的老街道，天气乾燥',
  '沈阳的沈师傅',
  '𠀀𪚥龍',
  '后面的皇后',
  'App 12351 热线 0579-88310148',
  '\ud800',
  '\udc00',
  ' ',
  '\n',
]

let seed = 7
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}

describe('folding to Simplified script', () => {
  it('gives what OpenCC gives for the whole text, for 2,000 random mixes of scripts and pieces', () => {
    for (let n = 0; n < 2000; n++) {
      let text = ''
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
        const piece = pieces[Math.floor(random() * pieces.length)]!
        text += random() < 0.4 ? toTraditional(piece) : piece
      }
      expect(toSimplified(text), JSON.stringify(text)).toBe(reference(text))
    }
  })

  it('returns a text OpenCC would leave alone as the same string', () => {
    const text = pieces[0]!.repeat(50)
    expect(toSimplified(text)).toBe(text)
    expect(reference(toTraditional(text))).not.toBe(toTraditional(text))
  })
})
