import fs from 'node:fs'
import path from 'node:path'

/**
 * A union's old portal as `wget --mirror` leaves it: the host as the top folder, a DedeCMS-like
 * layout (`/a/xinwen/list_1_2.html`, `/a/xinwen/2019/0312/123.html`), a home page, columns with
 * pagination, tag and search pages, print and phone copies, a forum with thread lists and
 * threads, and the same header, menu, sidebar and footer on every desktop page. All text is
 * written for these tests about the fictional 江南市.
 */
export const HOST = 'www.jnzgh.gov.cn'

/** Lines of the desktop template: on every page, never in any body. */
export const TEMPLATE_LINES = [
  '江南市总工会',
  '设为首页 | 加入收藏 | 联系我们',
  '首页 工会新闻 通知公告 工会简介 职工论坛',
  '职工维权热线：12351，服务时间为每周一至周五上午九点到下午五点，节假日有人值班。',
  '主办：江南市总工会 地址：江南市青湖区人民路88号 邮编：330100',
  '版权所有 江南市总工会 江ICP备12345678号',
]
/** A slogan the notice template prints inside the article box, under every notice's text. */
export const SLOGAN = '江南工会，职工之家——竭诚为广大职工服务，做全市职工信得过、靠得住的娘家人。'

interface Article {
  id: number
  column: 'xinwen' | 'tongzhi'
  date: string
  time: string
  title: string
  source: string
  paragraphs: string[]
}

export const NEWS: Article[] = [
  {
    id: 123,
    column: 'xinwen',
    date: '2019-03-12',
    time: '09:30',
    title: '青湖区总工会为环卫工人送上春季劳保用品',
    source: '青湖区总工会',
    paragraphs: [
      '3月11日一早，青湖区总工会的工作人员来到人民路环卫站，为一百二十名环卫工人送上了手套、反光背心和防滑雨靴。',
      '环卫站站长李建国说，开春以后雨水多，路面湿滑，新雨靴来得正是时候。区总工会表示，今年还将为环卫工人安排一次免费体检。',
    ],
  },
  {
    id: 125,
    column: 'xinwen',
    date: '2019-04-02',
    time: '15:10',
    title: '云溪县竹岭镇建成第一家职工书屋',
    source: '云溪县总工会',
    paragraphs: [
      '竹岭镇第一家职工书屋在镇竹制品产业园开门迎客，书架上摆放着技术手册、法律读本和文学作品共两千多册。',
      '书屋每天晚上开放到九点，下班后的职工可以在这里看书、上网查资料，也可以把书借回宿舍。园区一位编织工说，以前下了班只能刷手机，现在多了一个好去处。',
    ],
  },
  {
    id: 131,
    column: 'xinwen',
    date: '2019-05-20',
    time: '10:00',
    title: '江南市劳模工匠宣讲团走进企业',
    source: '江南市总工会宣传部',
    paragraphs: [
      '由八位全国和省市劳动模范、工匠组成的宣讲团，本周起走进全市三十家企业，讲述自己在一线岗位上钻研技术的故事。',
      '首场宣讲在东港区一家造船厂举行，省级劳模、焊工张海涛讲了他带徒弟攻克厚板焊接难题的经历，台下四百多名职工听得十分认真。',
    ],
  },
  {
    id: 140,
    column: 'xinwen',
    date: '2019-06-11',
    time: '08:45',
    title: '江南市总工会启动夏季“送清凉”活动',
    source: '江南市总工会',
    paragraphs: [
      '入夏以来，江南市总工会筹集资金一百五十万元，为户外作业的建筑工人、快递员和交通协管员送去防暑药品、绿豆和凉茶。',
      '今年的活动持续到九月底，各区县工会将分批走访高温一线。市总工会提醒用人单位，气温超过三十五摄氏度时应当调整户外作业时间。',
    ],
  },
  {
    id: 152,
    column: 'xinwen',
    date: '2019-08-23',
    time: '16:20',
    title: '东港区快递小哥集中入会',
    source: '东港区总工会',
    paragraphs: [
      '东港区快递行业工会联合会成立大会上，来自十二家快递网点的二百一十名快递员填写了入会申请，成为工会会员。',
      '入会的快递员可以享受免费意外伤害保险、职工书屋和爱心驿站服务。联合会主席说，下一步将就派件费标准与企业开展集体协商。',
    ],
  },
]

export const NOTICES: Article[] = [
  {
    id: 201,
    column: 'tongzhi',
    date: '2020-01-08',
    time: '11:00',
    title: '关于春节期间职工服务中心开放时间的通知',
    source: '江南市总工会办公室',
    paragraphs: ['春节期间，市职工服务中心1月24日至1月30日暂停窗口服务，维权热线照常接听。'],
  },
  {
    id: 205,
    column: 'tongzhi',
    date: '2020-03-02',
    time: '14:30',
    title: '江南市总工会关于开展职工技能大赛报名工作的通知',
    source: '江南市总工会经济技术部',
    paragraphs: [
      '为提高全市职工的技术技能水平，市总工会决定今年举办电工、焊工、育婴员和网约配送员四个工种的职工技能大赛。',
      '各区县总工会、产业工会请于3月31日前汇总本单位报名表，报送市总工会经济技术部。获得各工种前三名的选手，将按规定申报市级技术能手称号。',
    ],
  },
  {
    id: 203,
    column: 'tongzhi',
    date: '2020-01-20',
    time: '09:00',
    title: '关于做好2020年困难职工春节慰问工作的通知',
    source: '江南市总工会保障工作部',
    paragraphs: ['各区县总工会：春节将至，请各单位在1月22日前完成困难职工家庭走访，慰问金和慰问品要送到职工本人手中，并做好登记。'],
  },
  {
    id: 208,
    column: 'tongzhi',
    date: '2020-04-15',
    time: '10:20',
    title: '关于推荐第五批江南市职工创新工作室的通知',
    source: '江南市总工会经济技术部',
    paragraphs: ['请各产业工会和区县总工会推荐本系统内成效明显的职工创新工作室，每家单位推荐不超过三个，推荐材料于5月20日前报送。'],
  },
  {
    id: 212,
    column: 'tongzhi',
    date: '2020-06-01',
    time: '16:00',
    title: '关于暂停职工疗休养报名的通知',
    source: '江南市总工会办公室',
    paragraphs: ['因疗休养基地进行设施改造，原定6月份的两批职工疗休养暂停报名，恢复时间另行通知，给大家带来不便，敬请谅解。'],
  },
]

export const ABOUT = {
  title: '江南市总工会简介',
  paragraphs: [
    '江南市总工会是全市各级工会组织的领导机关，下辖青湖区、东港区和云溪县三个区县总工会，以及教育、卫生、交通等八个产业工会。',
    '市总工会的主要职责是维护职工合法权益，组织职工参加民主管理，开展劳动和技能竞赛，为困难职工提供帮扶。全市现有基层工会组织四千六百多个，会员六十多万人。',
  ],
}

export const THREADS = [
  {
    tid: 15,
    title: '求助：周末加班的加班费到底怎么算？',
    author: '港城老王',
    date: '2019-7-2 20:15',
    first: [
      '我在东港区一家物流公司上班，最近两个月几乎每个周六都要加班，公司说周末加班只能调休，不给加班费。',
      '想问问大家，这种情况合法吗？如果公司一直不安排调休，我应该找谁反映？',
    ],
    replies: ['按照规定，休息日加班又不能安排补休的，应当支付不低于工资百分之二百的报酬。', '可以先打12351维权热线问问。'],
    later: ['我去年也遇到过，后来找了区总工会的法律援助律师。', '谢谢大家，我明天就去打电话。'],
  },
  {
    tid: 16,
    title: '分享：青湖区职工书屋周末也开门了',
    author: '书虫小林',
    date: '2019-9-14 09:02',
    first: [
      '今天路过人民路，发现青湖区职工书屋贴出了新通知，从这个月开始周六周日也开门，时间是上午九点到下午五点。',
      '书屋里新到了一批计算机和会计方面的考证书籍，还有免费的无线网络，想备考的朋友可以去看看。',
    ],
    replies: ['太好了，平时下班太晚赶不上。'],
    later: [],
  },
]

const url = (a: Article) => `/a/${a.column}/${a.date.slice(0, 4)}/${a.date.slice(5, 7)}${a.date.slice(8, 10)}/${a.id}.html`
/** Where each article is in the mirror, relative to the mirror's top folder. */
export const articlePath = (a: Article) => `${HOST}${url(a)}`

const sidebar = `<div class="right-col">
<h3>最新动态</h3>
<ul>${[...NEWS]
  .reverse()
  .map((a) => `<li><a href="${url(a)}">${a.title}</a></li>`)
  .join('\n')}</ul>
<h3>工会热线</h3>
<p>${TEMPLATE_LINES[3]}</p>
</div>`

const page = (title: string, main: string, extraHead = '') => `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${title}</title>
${extraHead}
</head>
<body>
<div class="topbar"><div class="logo-txt">${TEMPLATE_LINES[0]}</div><div class="toplink"><a href="/">设为首页</a> | <a href="#">加入收藏</a> | <a href="/about/">联系我们</a></div></div>
<div class="lanmu"><a href="/">首页</a> <a href="/a/xinwen/">工会新闻</a> <a href="/a/tongzhi/">通知公告</a> <a href="/about/">工会简介</a> <a href="/bbs/">职工论坛</a></div>
<table width="960" class="wrap"><tr>
<td class="left-col" valign="top">
${main}
</td>
<td width="260" valign="top">
${sidebar}
</td></tr></table>
<div class="bottom"><p>${TEMPLATE_LINES[4].replace(/ /g, '　')}</p><p>${TEMPLATE_LINES[5]}</p></div>
</body>
</html>
`

/** DedeCMS article markup (`.viewbox`), read by the importer's DedeCMS reader. */
const newsPage = (a: Article, paragraphs = a.paragraphs, pager = '', head = '') =>
  page(
    `${a.title}_工会新闻_江南市总工会`,
    `<div class="place">当前位置：<a href="/">首页</a> &gt; <a href="/a/xinwen/">工会新闻</a> &gt;</div>
<div class="viewbox">
<div class="title"><h2>${a.title}</h2></div>
<div class="info"><small>时间:</small>${a.date} ${a.time}<small>来源:</small>${a.source}<small>点击:</small>
<script src="/plus/count.php?view=yes&aid=${a.id}"></script>次</div>
<div class="content">
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${pager}
</div>
<div class="handle"><a href="/plus/print.php?aid=${a.id}">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>`,
    head,
  )

/** The notices column uses the site's own template, which no platform reader knows. */
const noticePage = (a: Article) =>
  page(
    `${a.title}-江南市总工会`,
    `<div class="dqwz">您现在的位置：首页 &gt; 通知公告</div>
<div class="wzbt"><h1>${a.title}</h1></div>
<div class="fbsj">发布时间：${a.date} ${a.time}　来源：${a.source}</div>
<div class="wznr">
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p>${SLOGAN}</p>
</div>`,
  )

const listEntries = (articles: Article[], summaries = false) =>
  `<ul class="e2">${articles
    .map(
      (a) =>
        `<li><a href="${url(a)}" class="title">${a.title}</a><span class="date">${a.date}</span>${summaries ? `<p class="intro">${a.paragraphs[0].slice(0, 60)}…</p>` : ''}</li>`,
    )
    .join('\n')}</ul>`

const pager = (n: number, of: number) =>
  `<div class="dede_pages"><ul class="pagelist"><li><span class="pageinfo">共 <strong>${of}</strong>页<strong>${of * 5}</strong>条</span></li>
<li><a href="list_1_1.html">首页</a></li>${n > 1 ? `<li><a href="list_1_${n - 1}.html">上一页</a></li>` : ''}
${Array.from({ length: of }, (_, i) => `<li><a href="list_1_${i + 1}.html">${i + 1}</a></li>`).join('')}
${n < of ? `<li><a href="list_1_${n + 1}.html">下一页</a></li>` : ''}<li><a href="list_1_${of}.html">末页</a></li></ul></div>`

const columnPage = (name: string, articles: Article[], n: number, of: number, summaries = false) =>
  page(
    `${name}_江南市总工会`,
    `<div class="place">当前位置：<a href="/">首页</a> &gt; ${name}</div>
<div class="listbox"><h2>${name}</h2>
${listEntries(articles, summaries)}
${of > 1 ? pager(n, of) : ''}</div>`,
  )

/** The print version DedeCMS's print.php writes: no template, the text and the two buttons. */
const printPage = (a: Article) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${a.title} - 打印本页</title></head>
<body style="width:680px">
<h2 align="center">${a.title}</h2>
<p align="center">时间：${a.date} ${a.time}　来源：${a.source}</p>
<div>${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
<p align="center"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></p>
</body></html>
`

const MOBILE_TEMPLATE = ['江南工会手机版', '首页 新闻 通知 论坛', '返回电脑版 | 回到顶部']
const mobilePage = (title: string, main: string) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}_江南工会手机版</title></head>
<body>
<header class="m-head">${MOBILE_TEMPLATE[0]}</header>
<div class="m-lanmu"><a href="/m/">首页</a> <a href="/m/list.php?tid=1">新闻</a> <a href="/m/list.php?tid=2">通知</a> <a href="/bbs/">论坛</a></div>
${main}
<div class="m-foot"><a href="/">返回电脑版</a> | <a href="#top">回到顶部</a></div>
</body></html>
`
const mobileArticle = (a: Article) =>
  mobilePage(a.title, `<h1>${a.title}</h1><p class="m-info">${a.date} ${a.source}</p>${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}`)

const FORUM_TEMPLATE = ['江南职工论坛', '登录 | 注册 | 找回密码', '职工论坛 » 维权互助']
const forumPage = (title: string, main: string) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="generator" content="Discuz! X3.2"><title>${title} - 江南职工论坛</title></head>
<body>
<div id="hd"><h2>${FORUM_TEMPLATE[0]}</h2><div class="y"><a href="member.php?mod=logging">登录</a> | <a href="member.php?mod=register">注册</a> | <a href="#">找回密码</a></div></div>
<div id="pt"><a href="index.html">职工论坛</a> » <a href="forum-2-1.html">维权互助</a></div>
<div id="wp">${main}</div>
<div id="ft">Powered by Discuz! X3.2 © 2001-2019 江南职工论坛</div>
</body></html>
`

const threadPage = (t: (typeof THREADS)[number], n: number) => {
  const floors = n === 1 ? [t.first.join('<br />'), ...t.replies] : t.later
  const posts = floors
    .map(
      (text, i) => `<div id="post_${t.tid * 100 + i}"><table><tr>
<td class="pls"><div class="authi">${i === 0 && n === 1 ? t.author : `网友${i + 1}`}</div><p>注册时间 2015-3-1</p></td>
<td class="plc"><div class="authi"><em id="authorposton${t.tid * 100 + i}">发表于 ${t.date}</em></div>
<div class="t_fsz"><table><tr><td class="t_f" id="postmessage_${t.tid * 100 + i}">${text}</td></tr></table></div></td>
</tr></table></div>`,
    )
    .join('\n')
  return forumPage(
    t.title,
    `<h1 class="ts"><span id="thread_subject">${t.title}</span></h1>
<div id="postlist">${posts}</div>
${t.later.length ? `<div class="pg"><a href="thread-${t.tid}-1-1.html">1</a><a href="thread-${t.tid}-2-1.html">2</a><a href="thread-${t.tid}-2-1.html" class="nxt">下一页</a></div>` : ''}`,
  )
}

const OTHER_THREADS = ['咨询：劳动合同到期不续签有没有补偿？', '工伤认定需要准备哪些材料？', '请问夜班津贴有没有统一标准？']
const forumList = (n: number) =>
  forumPage(
    `维权互助${n > 1 ? ` - 第${n}页` : ''}`,
    `<table id="threadlisttableid">${[
      ...THREADS.map((t) => [t.title, `thread-${t.tid}-1-1.html`, t.author]),
      ...OTHER_THREADS.map((t, i) => [t, `thread-${30 + i + n * 10}-1-1.html`, '匿名']),
    ]
      .map(
        ([title, href, who]) =>
          `<tr><th><a href="${href}" class="s xst">${title}</a></th><td class="by"><cite>${who}</cite></td><td class="num">12/356</td></tr>`,
      )
      .join('\n')}</table>
<div class="pg"><strong>${n}</strong><a href="forum-2-${n === 1 ? 2 : 1}.html">${n === 1 ? 2 : 1}</a>${n === 1 ? '<a href="forum-2-2.html" class="nxt">下一页</a>' : ''}</div>`,
  )

/** What each page of the mirror is, as the tests expect the import to say. */
export const EXPECTED_SKIPS: Record<string, string> = {
  'index.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'a/xinwen/index.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'a/xinwen/list_1_2.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'a/xinwen/list_1_3.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'a/tongzhi/index.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'tags/职工书屋.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'plus/search.php?keyword=职工书屋.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'plus/search.php?keyword=夜校.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'm/index.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'bbs/index.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'bbs/forum-2-1.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'bbs/forum-2-2.html': '列表页（首页/栏目/分页/标签/搜索），不是文章',
  'plus/print.php?aid=123.html': `打印版，与 ${HOST}/a/xinwen/2019/0312/123.html 是同一篇`,
  'plus/print.php?aid=140.html': `打印版，与 ${HOST}/a/xinwen/2019/0611/140.html 是同一篇`,
  'm/view.php?aid=123.html': `手机版，与 ${HOST}/a/xinwen/2019/0312/123.html 是同一篇`,
  'm/view.php?aid=125.html': `手机版，与 ${HOST}/a/xinwen/2019/0402/125.html 是同一篇`,
  'm/view.php?aid=152.html': `手机版，与 ${HOST}/a/xinwen/2019/0823/152.html 是同一篇`,
  'plus/view.php?aid=140.html': `与 ${HOST}/a/xinwen/2019/0611/140.html 是同一篇（标题相同，正文基本相同）`,
  'a/xinwen/2019/0520/131_2.html': `文章 ${HOST}/a/xinwen/2019/0520/131.html 的第 2 页；续页的正文不会自动并入，请在导入后把它补进这篇文章`,
  'bbs/thread-15-2-1.html': `帖子 ${HOST}/bbs/thread-15-1-1.html 的第 2 页（回帖），帖子只导入主帖`,
}

/** The pages that are articles, by path under the host folder, with their titles. */
export const EXPECTED_ARTICLES: Record<string, string> = {
  ...Object.fromEntries([...NEWS, ...NOTICES].map((a) => [url(a).slice(1), a.title])),
  'about/index.html': ABOUT.title,
  'bbs/thread-15-1-1.html': THREADS[0].title,
  'bbs/thread-16-1-1.html': THREADS[1].title,
}

/**
 * Writes the mirror under `dir` (as `dir/www.jnzgh.gov.cn/…`) and returns every file written,
 * in name order. 33 pages.
 */
export const writeMirroredSite = (dir: string): Record<string, string> => {
  const files: Record<string, string> = {}
  const put = (name: string, html: string) => {
    const file = path.join(dir, HOST, ...name.split('/'))
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, html)
    files[name] = html
  }
  const all = [...NEWS, ...NOTICES]
  put(
    'index.html',
    page(
      '江南市总工会',
      `<div class="focus"><h2>工会要闻</h2>${listEntries(NEWS)}</div>
<div class="focus"><h2>通知公告</h2>${listEntries(NOTICES)}</div>
<div class="intro"><h2>工会简介</h2><p>${ABOUT.paragraphs[0].slice(0, 50)}…<a href="/about/">详细</a></p></div>`,
    ),
  )
  put('a/xinwen/index.html', columnPage('工会新闻', NEWS.slice(0, 4), 1, 3))
  put('a/xinwen/list_1_2.html', columnPage('工会新闻', NEWS.slice(2), 2, 3))
  put('a/xinwen/list_1_3.html', columnPage('工会新闻', NEWS.slice(1, 4), 3, 3))
  put('a/tongzhi/index.html', columnPage('通知公告', [...NOTICES, NEWS[3]], 1, 1, true))
  for (const a of NEWS) {
    if (a.id === 131) {
      const more =
        '<div class="dede_pages"><ul class="pagelist"><li><a>共2页: </a></li><li class="thisclass"><a href="#">1</a></li><li><a href="131_2.html">2</a></li><li><a href="131_2.html">下一页</a></li></ul></div>'
      put(url(a).slice(1), newsPage(a, a.paragraphs, more))
      put(
        url(a).slice(1).replace('131.html', '131_2.html'),
        newsPage(
          a,
          [
            '宣讲团成员、云溪县竹编非遗传承人陈秀英带来了自己的作品，她说手艺要传下去，关键是有人愿意沉下心来学。',
            '市总工会表示，宣讲活动将持续到年底，并把宣讲内容整理成册，发到各基层工会的职工书屋。',
          ],
          more.replace('class="thisclass"', ''),
        ),
      )
    } else if (a.id === 123) {
      put(url(a).slice(1), newsPage(a, a.paragraphs, '', `<link rel="canonical" href="http://${HOST}${url(a)}">`))
    } else put(url(a).slice(1), newsPage(a))
  }
  for (const a of NOTICES) put(url(a).slice(1), noticePage(a))
  put(
    'about/index.html',
    page(
      `${ABOUT.title}_江南市总工会`,
      `<div class="place">当前位置：<a href="/">首页</a> &gt; 工会简介</div>
<div class="danye"><h1>${ABOUT.title}</h1>${ABOUT.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>`,
    ),
  )
  put('tags/职工书屋.html', columnPage('标签：职工书屋', [NEWS[1], NEWS[4]], 1, 1))
  put('plus/search.php?keyword=职工书屋.html', columnPage('搜索结果：职工书屋', [NEWS[1], NEWS[4], NOTICES[1]], 1, 1))
  put(
    'plus/search.php?keyword=夜校.html',
    page('搜索结果：夜校_江南市总工会', '<div class="listbox"><h2>搜索结果：夜校</h2><p>没有找到与“夜校”相关的内容。</p></div>'),
  )
  put('plus/print.php?aid=123.html', printPage(NEWS[0]))
  put('plus/print.php?aid=140.html', printPage(NEWS[3]))
  // The same article under DedeCMS's dynamic address as well as its static one.
  put('plus/view.php?aid=140.html', newsPage(NEWS[3]))
  put(
    'm/index.html',
    mobilePage('首页', `<ul>${all.map((a) => `<li><a href="/m/view.php?aid=${a.id}">${a.title}</a></li>`).join('\n')}</ul>`),
  )
  for (const a of [NEWS[0], NEWS[1], NEWS[4]]) put(`m/view.php?aid=${a.id}.html`, mobileArticle(a))
  put(
    'bbs/index.html',
    forumPage(
      '职工论坛',
      `<table>${['维权互助', '职工书屋', '技能交流'].map((f, i) => `<tr><td><h2><a href="forum-${i + 2}-1.html">${f}</a></h2><p>主题: ${12 * (i + 1)}, 帖数: ${90 * (i + 1)}</p></td><td><a href="thread-${15 + i}-1-1.html">最后发表：${[...THREADS.map((t) => t.title), OTHER_THREADS[0]][i]}</a></td></tr>`).join('\n')}</table>`,
    ),
  )
  put('bbs/forum-2-1.html', forumList(1))
  put('bbs/forum-2-2.html', forumList(2))
  put('bbs/thread-15-1-1.html', threadPage(THREADS[0], 1))
  put('bbs/thread-15-2-1.html', threadPage(THREADS[0], 2))
  put('bbs/thread-16-1-1.html', threadPage(THREADS[1], 1))
  return files
}

/**
 * The same portal as HTTrack leaves it: a project folder holding the host folder, HTTrack's
 * own index and "Page has moved" pages, its log and cache, a `Mirrored from` comment in every
 * page, and pages with a query renamed (`print.php?aid=123` → `print4a3f.html`). Returns the
 * paths written under `dir` that are pages of the site, with what each is.
 */
export const writeHttrackMirror = (dir: string): Record<string, string> => {
  const written: Record<string, string> = {}
  const put = (name: string, text: string, what?: string) => {
    const file = path.join(dir, ...name.split('/'))
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
    if (what) written[name] = what
  }
  const mirrored = (address: string, html: string) =>
    html.replace(
      '<html>',
      `<html>\n<!-- Mirrored from ${address} by HTTrack Website Copier/3.x [XR&CO'2014], Sat, 12 Oct 2019 02:10:33 GMT -->`,
    )
  put(
    'index.html',
    `<html><head><meta name="generator" content="HTTrack Website Copier/3.x"><title>List of available projects - HTTrack Website Copier</title></head><body><h1>HTTrack Website Copier - Open Source offline browser</h1><p>Index of locally available projects:</p><table><tr><td><a href="jnzgh/index.html">江南市总工会网站镜像（二〇一九年十月）</a></td></tr></table></body></html>`,
    'tool',
  )
  put(
    'jnzgh/index.html',
    `<html><!-- Created by HTTrack Website Copier/3.49-2 [XR&CO'2014] --><head><meta http-equiv="Refresh" content="0; URL=${HOST}/index.html"><title>Page has moved</title></head><body><a href="${HOST}/index.html">Click here...</a></body></html>`,
    'tool',
  )
  put('jnzgh/hts-log.txt', 'HTTrack3.49-2 launched on Sat, 12 Oct 2019 10:10:01 at http://www.jnzgh.gov.cn/\n')
  put('jnzgh/hts-cache/new.txt', 'date\tsize\tflags\tstatusCode\turl\n')
  const site = `jnzgh/${HOST}`
  put(`${site}/index.html`, mirrored(`${HOST}/`, page('江南市总工会', listEntries(NEWS))), 'list')
  put(`${site}/a/xinwen/index.html`, mirrored(`${HOST}/a/xinwen/`, columnPage('工会新闻', NEWS, 1, 1)), 'list')
  for (const a of NEWS.slice(0, 3)) put(`${site}${url(a)}`, mirrored(`${HOST}${url(a)}`, newsPage(a)), 'article')
  put(`${site}/plus/print4a3f.html`, mirrored(`${HOST}/plus/print.php?aid=123`, printPage(NEWS[0])), 'print')
  return written
}
