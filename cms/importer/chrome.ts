import { compact } from './compare'

/**
 * What is not the article on a saved portal or forum page, recognised line by line. The
 * rules read the Simplified form of a line (Traditional pages are converted for matching
 * only), with spaces removed, because menus are often letter-spaced: `华 发 今 日 新 闻`.
 */

const navWords =
  /首页|帮助|会员列表|最新帖子|精华区|每日签到|统计排行|社区服务|博客|搜索|论坛|设置|消息|导航|排行|签到|大转盘|门户|专题|家园/g

/** A platform's link back to its front page, often glued to the last paragraph: `返回搜狐，查看更多`. */
const backLink = /返回\p{Script=Han}{1,8}[，,]?\s*查看更多$/u

/** The last paragraph without a front-page link glued to its end. */
export const withoutBackLink = (text: string): string => text.replace(backLink, '').trimEnd()

/** Whole-line shapes: a line that starts (or is) like this is chrome at any length. */
const rules: RegExp[] = [
  // login and registration prompts
  /^(找回密码|立即注册|注册|登录|登陆|快速登录|会员登录|用户登录|退出登录|退出|用户名|密码|忘记密码|记住我|自动登录|免费注册|注册会员)[:：]?$/,
  /^(请)?(先)?(登录|登陆)(后)?(才能|再|即可)/,
  // forum profile box and post header
  /^(级别|等级|UID|精华|发帖|帖子|财富|金钱|积分|威望|贡献值?|会员币|好评度|在线时间|注册时间|最后登录|阅读权限|性别|来自|头衔|用户组)[:：]/i,
  /^(只看该作者|个人空间|发短消息|加为好友|发消息|TA的帖子)$/i,
  /^[\w.-]{1,20}(在线|离线)$/,
  /^(楼主|沙发|板凳|地板|\d+楼|\d+#)(发表于|发表|\d)/,
  // moderator notices
  /^(管理提醒|版主提醒|本帖最后由|本帖被|该帖被|此帖被|提示[:：]?该帖)/,
  // reactions, sharing, scan-to-follow
  /^(精彩|感动|搞笑|开心|愤怒|无聊|灌水|飞过|傲慢|番茄|鸡蛋|鲜花|握手|雷人|路过|支持|反对|震惊|同情|难过|有用|无用|顶|踩|赞|点赞|收藏|分享|转发|打赏|举报|喜欢|推荐|好评|差评)[\d()（）]*$/,
  /^(评价一下|分享到|一键分享|收藏本文|给文章打分|你的心情|您的心情|心情[:：]|本文关键词|关键词[:：]|标签[:：]|tags[:：])/i,
  /^(验证问题|验证码)/,
  // reply boxes, paging, printing
  /^[<«]*(快速回复|回复主题|发表主题|发表回复|发新帖|回复|引用|描述|上一个|下一个|上一主题|下一主题|上一篇|下一篇|上一页|下一页|返回列表|返回顶部|返回首页|返回上一页|回到顶部|top|打印本页|\[?打印本页\]?|关闭窗口|查看完整版本|字体[:：]?[大中小]+|字号[:：]?[大中小]+|【?(大|中|小)】?【?(大|中|小)】?)$/i,
  /^(上一篇|下一篇|上一主题|下一主题)[:：]/,
  // pagers: `[上一篇] [下一篇]`, `[1] [2] [3]`, `第1页/共3页 << 上一页 | 下一页`
  /^(?:[[【]?(?:上一篇|下一篇|上一页|下一页|首页|尾页|末页|返回|关闭|打印|\d{1,3})[\]】]?[|｜]?)+$/,
  /^第\d{1,3}页[/／]?共\d{1,3}页/,
  // a board's toolbar above a post: `[ 回复本贴 ] [ 跟从标题 ] [ 关闭本窗口 ] [ 刷新 ]`
  /^(?:[[【][^[\]【】]{1,8}[\]】]){3,}$/,
  /^共\d{1,3}页[:：]?(?:\d{1,3}|上一页|下一页|首页|尾页|末页)*$/,
  // view and comment counters
  /^(浏览|阅读|查看|点击|评论|人气|阅读次数|浏览次数|点击数|评论数|阅读数)[:：]?\d*次?$/,
  // link lists (related reading, "more news")
  /^[·•]/,
  /[(（]\d{1,2}[-/]\d{1,2}[)）]$/,
  // separators drawn with dashes
  /^[-=_*~—.·]{3,}(?:(?:分隔线|分割线)[-=_*~—.·]*)?$/,
  // a video player's caption and controls: `…播出 时长：01:45 来源：电影网`, `时长：01:45建议WIFI下打开`, `00:00/00:00`
  /时长[:：]\d{1,2}:\d{2}/,
  /^\d{1,2}:\d{2}(?:[/／]\d{1,2}:\d{2})?$/,
  // breadcrumbs
  /^(首页|当前位置|您的位置|你的位置|位置)[:：>»]/,
  // where the poster was, as platforms print it beside the date: `发布于：北京市`, `IP属地：江苏`
  /^(?:发布于|IP属地|ip属地)[:：]\p{Script=Han}{2,10}$/u,
  new RegExp(`^${backLink.source}`, 'u'),
  // the production credits a portal prints under a commentary: `总监制：…`, `审 读：…`, `排版 …`
  /^(?:总监制|监制|审读|排版|校对|终审|出品人|统筹)[:：]/,
]

/** Phrases that mark a short line as chrome; a sentence may use them, so only short lines. */
const shortRules: RegExp[] = [
  // moderator notices, scan-to-follow, captcha, reply box, footers and copyright
  /本帖.{0,20}(编辑|操作|加亮|置顶|加精|高亮|移动)/,
  // a collapsible caption with its toggle run into it: `…5月20日起电影频道22:00播出收起`; `展开全文` alone
  // (a headline may end in 展开: `全面合作项目即将展开`)
  /收起$|^展开(?:全文)?$/,
  /阅读原文|写留言|预览时标签不可点|点个?[“"]?在看|分享给朋友|点击蓝字|点击上方/,
  /扫一扫|扫码关注|微信扫|关注我们|访问微社区|二维码|手机版|手机访问|APP下载/i,
  /验证问题|验证码|正确答案|请输入答案|回答问题|请回答/,
  /ctrl\+enter|别忘了来看看都是谁回帖|回帖哦|\[打印本页\]|查看完整版本[:：]/i,
  /powered\s*by|copyright|©|版权所有|icp备|icp证|公网安备|gmt[+-]\d|time[\d.]+second|gzip\s*enabled|youcancontactus|技术支持[:：]|联系我们|关于我们|隐私(政策|通告)|用户须知|法律(申明|声明)|小黑屋|网站地图|免责声明|设为首页|加入收藏/i,
]

const terminals: RegExp[] = [
  /^(往期推荐|往期回顾|往期精彩|精彩回顾|阅读原文|点个在看|喜欢此内容的人还喜欢|相关阅读|相关新闻|相关文章|相关链接|相关推荐|延伸阅读|推荐阅读|热点新闻|热门文章|最新评论|网友评论|发表评论|猜你喜欢|热门推荐|本周热点|今日新闻|更多新闻|精彩推荐|评价一下|返回顶部|回到顶部|查看完整版本|上一篇|下一篇)/,
  /^[\w.-]{0,20}今日新闻$|本周热点新闻$/,
  // statements, app and account promos, topic links that close a portal article
  /^(?:郑重|免责|版权|特别|平台)?声明(?:[:：]|$)|^【?纠错】?|^点击(进入|查看)专题|^(下载|打开).{0,12}(客户端|app)|^(扫码|扫描二维码|长按二维码|长按识别)|^(关注|欢迎关注).{0,16}(公众号|微信|客户端)/i,
  /powered\s*by/i,
  // a portal's keyword line, comment box and "read the rest" link under the text
  /^(?:关键字|关键词)[:：]|^\d[\d,]*条评论|^(?:最热评论|最新评论|热门评论|全部评论)|^阅读剩余全文/,
  // the portal's report line under the text: `举报邮箱：jubao@…`, `违法和不良信息举报电话：…`
  /^(?:违法和不良信息)?举报(?:邮箱|电话|热线)[:：]/,
  // a platform's statement under a user's post: `以上内容…由“快传号”用户上传并发布，本平台仅提供信息存储服务`
  /仅提供信息存储(?:空间)?服务/,
  // reprint notices: `本作品为“…”原创，转载时务请注明出处`, `某某网专稿，未经书面授权请勿转载`
  /(?:原创|专稿|独家稿件).{0,24}(?:转载.{0,8}注明|未经.{0,8}(?:授权|许可))/,
  /^(沙发|板凳|地板|\d+楼|\d+#).{0,24}发表于/,
  // the next post of a thread: `沙发`, `发表于 2021-9-2 10:00`
  /^(沙发|板凳|地板|藤椅|\d+楼|\d+#)$/,
  /^(发表于|回复于|回帖于)[:：]?\d{4}/,
  // what an old forum or blog host prints under a post: its reply links, the reader counter, the
  // thread of replies, the trackback address, `（本文发表于…，已被阅读178次）`
  /^(?:收藏|回复|引用)此[帖贴]|^您?是本[文帖贴]第\d+个|^回复线索|^本[贴帖]跟从标题|^trackback|^引用通告|^本文通告引用|^你可以使用这个链接引用|^[(（]本文发表于/i,
]

/** Menus: many separators, or a run of navigation words with no sentence in it. */
const isNav = (line: string, c: string): boolean => {
  if ((line.match(/[|｜]/g)?.length ?? 0) >= 3) return true
  if ((line.match(/->|»|>>|＞|→| > /g)?.length ?? 0) >= 2) return true
  if (/^[-\s>[\]|]+$/.test(line) && line.trim().length > 0) return true
  return !/[。，,；！？]/.test(c) && (c.match(navWords)?.length ?? 0) >= 3
}

/** Whether a line (its Simplified form) is page chrome rather than article text. */
export const isChrome = (simplified: string): boolean => {
  const c = compact(simplified)
  if (!c) return false
  if (c.length > 160) return false
  return isNav(simplified, c) || rules.some((r) => r.test(c)) || (c.length <= 40 && shortRules.some((r) => r.test(c)))
}

/** A line after which nothing belongs to the article body: related lists, comments, footers. */
export const isTerminal = (simplified: string): boolean => {
  const c = compact(simplified)
  return c.length > 0 && c.length <= 80 && terminals.some((r) => r.test(c))
}
