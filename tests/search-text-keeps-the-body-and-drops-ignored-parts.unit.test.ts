import { describe, expect, it } from 'vitest'

import { indexedText, simplifiedPairs } from '../site/integrations/scriptConversion'
import { decodeContent, FOLDED_MARK, foldWith, indexContent } from '../site/lib/searchTokens'

const fold = foldWith(simplifiedPairs())

const page = (body: string) => `<html><body><header>站点导航</header><main id="main" data-pagefind-body><article><h1>標題</h1>
<ul class="meta" data-pagefind-ignore><li>来源：市总工会</li><li>责编：王某</li></ul>
${body}
<p class="meta" data-pagefind-ignore>原文出处：http://example.org/a</p></article>
<aside class="wrap" data-pagefind-ignore><h2>相关新闻</h2><ul><li><a href="/news/x/">另一篇</a></li></ul></aside></main><footer>版权</footer></body></html>`

describe('the text handed to search', () => {
  it('keeps the body between ignored elements and drops only those elements', () => {
    const text = indexedText(page('<div class="prose"><p>職工書屋今日開放。</p><p>歡迎前來閱讀。</p></div>'))
    expect(text).toContain('職工書屋今日開放。')
    expect(text).toContain('歡迎前來閱讀。')
    for (const gone of ['来源', '责编', '原文出处', '相关新闻', '另一篇', '站点导航', '版权']) expect(text).not.toContain(gone)
  })

  it('gives a Traditional-script page its folded Simplified words too, and leaves a Simplified page alone', () => {
    const traditional = indexContent(indexedText(page('<div class="prose"><p>職工書屋今日開放。</p><p>歡迎前來閱讀。</p></div>')), fold)
    const [shown, folded] = traditional.split(FOLDED_MARK)
    expect(decodeContent(traditional)).toContain('職工書屋今日開放。')
    // Every pair of the Simplified spelling is a word of the record, so a Simplified query finds it.
    for (const pair of ['职工', '工书', '书屋', '开放', '欢迎', '阅读']) expect(folded!.split(' ')).toContain(pair)
    expect(shown!.split(' ')).toContain('職工')
    const simplified = indexedText(page('<div class="prose"><p>职工书屋今日开放。</p></div>').replace('標題', '标题'))
    expect(indexContent(simplified, fold)).not.toContain(FOLDED_MARK)
    expect(decodeContent(indexContent(simplified, fold))).toBe(simplified.replace(/\s+/g, ''))
  })
})
