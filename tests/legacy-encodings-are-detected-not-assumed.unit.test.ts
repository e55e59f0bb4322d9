import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { decodeBuffer } from '../cms/importer/decode'
import { ImportError } from '../cms/importer/errors'
import { parsePage } from '../cms/importer/parse'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'legacy')
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')

describe('reading saved pages in the encodings old sites used', () => {
  it('reads a GBK page whatever its meta tag says, with the same result as the UTF-8 copy', () => {
    const html = read('portal-article.html')
    const gbk = iconv.encode(html, 'gbk')
    expect(decodeBuffer(gbk)).toEqual({ text: html, encoding: 'GB18030' })
    const fromGbk = parsePage(gbk, 'portal-article.html')
    const fromUtf8 = parsePage(Buffer.from(html), 'portal-article.html')
    expect({ ...fromGbk, encoding: 'UTF-8' }).toEqual(fromUtf8)
    expect(fromGbk.title).toBe('东港区叉车司机比武 十名“金牌叉手”出炉')
  })

  it('reads GB18030 text, including characters outside GBK', () => {
    const text = `${read('forum-post.txt')}\n𠮷野家门店工会小组也参加了活动。\n`
    const bytes = iconv.encode(text, 'gb18030')
    expect(decodeBuffer(bytes)).toEqual({ text, encoding: 'GB18030' })
    expect(parsePage(bytes, 'post.txt').source).toBe('江南工人报')
  })

  it('reads UTF-8 with and without a byte-order mark', () => {
    const text = read('annual-report.txt')
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text)
    expect(decodeBuffer(Buffer.from(text)).encoding).toBe('UTF-8')
  })

  it('refuses a binary file named .html, and says what an image is', () => {
    const random = crypto.randomBytes(4096)
    expect(() => parsePage(random, 'news-2015.html')).toThrow(ImportError)
    expect(() => parsePage(random, 'news-2015.html')).toThrow('二进制')
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random])
    expect(() => parsePage(png, 'photo.html')).toThrow('PNG 图片')
    expect(() => parsePage(Buffer.alloc(0), 'empty.txt')).toThrow('文件为空')
  })

  it('reports a page with no title or no body instead of importing junk', () => {
    expect(() => parsePage(Buffer.from('<html><body><div class="nav">首页 | 新闻 | 服务 | 关于</div></body></html>'), 'x.html')).toThrow(
      ImportError,
    )
  })
})
