import type { CheerioAPI } from 'cheerio/slim'

import { clean, first, node, postedDate, removeHidden } from './dom'
import type { PageReader, ReaderResult } from './types'

/**
 * Inside a first post: quotes of other posts (with their own author and date), the
 * "本帖最后由 … 编辑" status line, attachment pop-ups (`下载附件`, `… 上传`), locked and
 * paid-content notices, the post's tags and the edit/reply bars some templates put inside.
 */
const postNoise = [
  '.quote',
  'blockquote',
  '.pstatus',
  '.tip',
  '.aimg_tip',
  '.attach_nopermission',
  '.locked',
  '.ptg',
  '.attach_popup',
  '.showhide',
  '.pattl',
  '.imgtip',
  '.jammer',
].join(', ')

const strip = ($: CheerioAPI, body: ReturnType<CheerioAPI>) => {
  removeHidden($, body)
  body.find(postNoise).remove()
}

/**
 * Discuz! X (X2 to X3.5) threads: the subject in `#thread_subject` (a link in X2, a span
 * later), the first floor in `#postmessage_<pid>`, its date in `#authorposton<pid>` — as text,
 * or in a `title` attribute when the text says `3 天前`. The profile box beside it (注册时间,
 * 最后登录), signature, ratings and the reply/report bar sit outside the message.
 */
export const discuz: PageReader = {
  platform: 'Discuz!',
  read: ($): ReaderResult | undefined => {
    const message = $('[id^="postmessage_"]').first()
    if (!message.length) return undefined
    const pid = /postmessage_(\d+)/.exec(message.attr('id') ?? '')?.[1]
    const posted = pid ? $(`#authorposton${pid}`) : $('[id^="authorposton"]').first()
    const date = postedDate(`发表于 ${posted.find('[title]').attr('title') ?? ''}`) ?? postedDate(posted.text())
    strip($, message)
    return { body: node(message)!, meta: { title: clean($('#thread_subject').first().text()), date } }
  },
}

/**
 * PHPWind 8 (`#read_tpc` in `.tpc_content`, subject `#subject_tpc`, date in the floor's
 * header `#td_tpc`) and PHPWind 9 (`.editor_content` of the first `.read_item`, subject
 * `#J_post_title`, date in `.floor_top .time`).
 */
export const phpwind: PageReader = {
  platform: 'PHPWind',
  read: ($): ReaderResult | undefined => {
    const v8 = $('#read_tpc').first()
    if (v8.length) {
      const header = first($, ['#td_tpc .tiptop', '#td_tpc .tipTop', '#td_tpc'])
      const titled = header?.find('[title]').attr('title')
      const date = (titled && postedDate(`发表于 ${titled}`)) || postedDate(header?.text() ?? '')
      strip($, v8)
      return { body: node(v8)!, meta: { title: clean($('#subject_tpc').first().text()), date } }
    }
    const v9 = $('.read_item .editor_content, #J_read_main .editor_content').first()
    if (!v9.length) return undefined
    const floor = v9.closest('.read_item')
    const date = postedDate(floor.find('.floor_top .time, .floor_info .time, .time').first().text())
    strip($, v9)
    return { body: node(v9)!, meta: { title: clean(first($, ['#J_post_title', '.read_h1', 'h1'])?.text()), date } }
  },
}
