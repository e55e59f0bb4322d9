import { describe, expect, it } from 'vitest'

import { beijing, oldPage as page, paragraphHtml, readPage as read } from './helpers/oldPages'
import { paragraphs } from './helpers/portalPages'

/**
 * Posts saved from the forums and blog hosts of 2003–2006, in the shapes those pages have
 * (tables, `〓` frames, a signature line under the post, a statement, the thread's replies,
 * a trackback address). The text is our own.
 */
const paras = paragraphHtml()
const lastWords = paragraphs.at(-1)!.slice(-20)

describe('a post under a `〓 … 发布时间 … by … 〓` signature', () => {
  const post = () =>
    read(
      page(
        '[精华区] 版主：[申请版主]',
        `<b>新就业形态劳动者入会见闻</b><br>
${paras}
<p>文：林晓燕</p>
<p>------------------------------</p>
<p>我的博客 晓燕手记 http://blog.jiangnan.example/xiaoyan/</p>
<p>〓 江南社区 职工之家 发布时间 2005/05/17 22:11:42 by 林晓燕 〓</p>
<p>------------------------------</p>
<p>------------------------------</p>`,
      ),
    )

  it('dates the post and names its poster from the signature', () => {
    const { publishedAt, author } = post()
    expect(publishedAt).toBe(beijing('2005-05-17T22:11:42'))
    expect(author).toBe('林晓燕')
  })

  it('ends the text at the last paragraph, without the signature or the blog link', () => {
    const { last, body } = post()
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/发布时间|我的博客|http/)
  })
})

describe('a post that closes with `本贴由…于…发表`, the board statement and the replies', () => {
  const post = () =>
    read(
      page(
        '夏季送清凉活动见闻',
        `<h3>夏季送清凉活动见闻</h3>
<p>[ 回复本贴 ] [ 跟从标题 ] [ 关闭本窗口 ] [ 刷新 ]</p>
${paras}
<p>本贴由老周于2005年8月12日16:12:21在〖职工心声〗发表.</p>
<p>郑 重 声 明</p>
<p>1. 任何言论纯属作者个人观点，与本站无关；</p>
<p>2. 任何转载或转贴都应注明真实作者和真实出处；</p>
<p><a href="/t/1">本贴跟从标题:</a></p>
<ul><li><a href="/r/1">送清凉活动照片</a> 小王 20:02:45 9/12/05 (75)</li>
<li><a href="/r/2">也说说我们车间</a> 阿明 09:02:51 5/23/06 (无内容)</li></ul>`,
      ),
    )

  it('dates the post and names its poster from that line', () => {
    const { publishedAt, author } = post()
    expect(publishedAt).toBe(beijing('2005-08-12T16:12:21'))
    expect(author).toBe('老周')
  })

  it('keeps the statement and the replies out of the text', () => {
    const { last, body } = post()
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/本贴由|声明|转载|跟从|小王/)
  })
})

describe('a board post followed by its reader count and reply thread', () => {
  it('ends the text at the post', () => {
    const { last, body } = read(
      page(
        '江南论坛',
        `<p>主题： 新就业形态劳动者入会见闻</p>
<p>作者：阿明 时间：2005-08-22 19:13:18</p>
${paras}
<p>您是本文第 154 个阅览者</p>
<p>| 回复线索：</p>
<p><a href="/r/3">入会以后有什么变化？</a>【职工频道版主】08-11 16:06 298字 [4321/87]</p>
<p>| 主题已经关闭，停止回复．</p>`,
      ),
    )
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/阅览者|回复线索|版主|主题已经关闭/)
  })

  it('ends the text before the post’s own reply links and the thread pager', () => {
    const { last, body } = read(
      page(
        '新就业形态劳动者入会见闻',
        `<p>新就业形态劳动者入会见闻</p>
<p>2005-09-11 18:04:42 楼主</p>
${paras}
<p><a href="/fav">收藏此帖</a> <a href="/reply">回复此帖</a> <a href="/quote">引用此帖</a></p>
<p>共有帖子数1个</p>
<p>&lt; 第一页 |上一页| 1 | 下一页 | 最末页&gt;</p>`,
      ),
    )
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/此帖|共有帖子数/)
  })
})

describe('a blog post followed by its trackback address', () => {
  it('ends the text before a Trackback heading', () => {
    const { last, body } = read(
      page(
        '晓燕手记',
        `<h2>新就业形态劳动者入会见闻</h2>
${paras}
<p>- 作者： 林晓燕 访问统计： 2005年08月30日, 星期二 13:22 加入收藏</p>
<h3><a href="/tb">Trackback</a></h3>
<p>你可以使用这个链接引用该篇文章 http://blog.jiangnan.example/tb.b?diaryID=2756</p>
<h3><a href="/friends">博客手拉手</a></h3>`,
      ),
    )
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/Trackback|引用该篇文章|http/)
  })

  it('ends the text before a `Trackback:` line', () => {
    const { last, body } = read(
      page(
        '晓燕手记',
        `<h2>新就业形态劳动者入会见闻</h2>
<p>2005-09-07 11:57</p>
${paras}
<p>Trackback: http://tb.jiangnan.example/TrackBack.aspx?PostId=5436</p>`,
      ),
    )
    expect(last).toContain(lastWords)
    expect(body).not.toMatch(/Trackback/)
  })

  it('is dated by the post foot under the trackback, after its bookmark link', () => {
    const { publishedAt, body } = read(
      page(
        '晓燕手记',
        `<div class="post"><h2>新就业形态劳动者入会见闻</h2>
${paras}
<p>Trackback: http://tb.jiangnan.example/TrackBack.aspx?PostId=5436</p></div>
<div class="postFoot">[<a href="javascript:StorePage()">点击此处收藏本文</a>]&nbsp;&nbsp;发表于2005年09月07日 9:57 PM</div>`,
      ),
    )
    expect(publishedAt).toBe(beijing('2005-09-07T21:57:00'))
    expect(body).not.toMatch(/收藏|发表于/)
  })
})

describe('a blog post saved without a <title>', () => {
  it('takes the linked headline right above the text, after the sidebar of other posts', () => {
    const { title, body } = read(`<html><head><meta charset="utf-8"></head><body>
<div class="side"><h3>阅读排行</h3><ol>
<li><a href="/p/1">1. 职工书屋新书推荐(10)</a></li>
<li><a href="/p/2">2. 夏季送清凉活动照片(7)</a></li>
<li><a href="/p/3">3. 劳模工作室开放日(6)</a></li></ol></div>
<div class="post"><div class="title"><a href="/p/255509.aspx">快递小哥的入会第一天(附图)</a></div>
${paras}</div></body></html>`)
    expect(title).toBe('快递小哥的入会第一天(附图)')
    expect(body.startsWith(paragraphs[0])).toBe(true)
  })
})
