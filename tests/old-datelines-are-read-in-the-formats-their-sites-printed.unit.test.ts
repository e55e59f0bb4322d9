import { describe, expect, it } from 'vitest'

import { findDate } from '../cms/importer/date'
import { beijing, oldPage, paragraphHtml, readPage as read } from './helpers/oldPages'

/**
 * Datelines as portals, ASP sites and blog hosts of 2003–2006 printed them beside the headline
 * (our own text): a US-format server clock, the writer in square brackets, a blogger's name
 * before `发表于`, and the blog's own creation date in the sidebar above.
 */
const page = (title: string, header: string) => oldPage(title, `${header}\n${paragraphHtml()}`)

describe('a date printed by a server set to US English', () => {
  it('is read month first, on a 12-hour clock', () => {
    expect(findDate('发布日期： 9/17/2004 5:54:13 AM')?.iso).toBe(beijing('2004-09-17T05:54:13'))
    expect(findDate('发布日期： 7/5/2005 9:23:57 PM')?.iso).toBe(beijing('2005-07-05T21:23:57'))
    expect(findDate('发表于2005年09月07日 9:57 PM')?.iso).toBe(beijing('2005-09-07T21:57:00'))
  })

  it('leaves a two-digit year alone', () => {
    expect(findDate('小王 20:02:45 9/12/05 (75)')).toBeUndefined()
  })

  it('dates an ASP site’s article from its header line', () => {
    const { publishedAt } = read(
      page(
        '谢谢您访问江南职工在线',
        `<p>林晓燕：新就业形态劳动者入会见闻</p>
<p>作者： size="20" 来源： size="20" 发布日期： 9/17/2004 5:54:13 AM</p>`,
      ),
    )
    expect(publishedAt).toBe(beijing('2004-09-17T05:54:13'))
  })
})

describe('a portal dateline with the writer and the paper in square brackets', () => {
  it('names the writer and the source', () => {
    const { author, source, publishedAt } = read(
      page(
        '新就业形态劳动者入会见闻',
        `<h1>新就业形态劳动者入会见闻</h1>
<p>NEWS.JIANGNAN.COM 2004年7月16日08:19 [ 林晓燕 ] 来源：[ 江南工人报 ]</p>`,
      ),
    )
    expect(author).toBe('林晓燕')
    expect(source).toBe('江南工人报')
    expect(publishedAt).toBe(beijing('2004-07-16T08:19:00'))
  })
})

describe('a blog post under the blog’s own profile box', () => {
  it('is dated by its `发表于` line, not by the day the blog was opened, and names the blogger', () => {
    const { author, publishedAt } = read(
      page(
        '江南书友 blog',
        `<div class="side"><p>留言:31</p><p>访问:121369</p><p>建立于:2004年10月6日</p></div>
<p><a href="/post/1">[读书]新就业形态劳动者入会见闻</a></p>
<p>jnshuyou 发表于 2005-9-15 11:46:00</p>`,
      ),
    )
    expect(publishedAt).toBe(beijing('2005-09-15T11:46:00'))
    expect(author).toBe('jnshuyou')
  })
})
