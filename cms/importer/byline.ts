import { compact } from './compare'

/**
 * Bylines as Chinese newspapers and portals print them, at the head or the tail of an
 * article: `本报记者 葛灵丹`, `光明日报记者 王建宏 张文攀`, `顶端新闻·河南商报记者马俊峰/文`,
 * `文/张三`, `（记者 胡晓蓉）`, `新京报记者 彭冲 山东冠县报道`. Callers say where a line stands;
 * this module only says whether it is a byline and what to keep of it.
 */

/** A role that introduces names. `文`/`图` count only beside a slash (`文/张三`, `张三/文`). */
const role = /记者|通讯员|作者|撰稿|撰文|编译|摄影|特约|评论员|文\s*[/／|｜丨]|[/／]\s*文|图\s*[/／|｜丨]|[/／]\s*图/

/** What follows the names and is not one: where the reporter filed from, photo credits. */
const tail = /(?:(?:\p{Script=Han}{2,8})?(?:摄影)?报道|[/／]\s*文(?:\s*[/／]\s*图)?|受访者供图|供图|发自\p{Script=Han}{2,6})$/u
const lead = /^[□■◇○●◎\s·•]+/

/** A byline never reads as a sentence and is short. */
const MAX_CHARS = 40

/** A credit without its bullet, brackets, place and photo notes, and `作者：`/`文/` before it. */
const creditText = (credit: string): string => {
  let text = credit
    .replace(lead, '')
    .replace(/^[(（]|[)）]$/g, '')
    .trim()
  for (let i = 0; i < 3 && tail.test(text); i++) text = text.replace(tail, '').trimEnd()
  return text.replace(/^(?:作者|撰稿|撰文)\s*[:：]\s*/, '').replace(/^文\s*[/／|｜丨]\s*/, '')
}

/**
 * The byline a line is, cleaned (`光明日报记者 王建宏 张文攀`), or undefined when the line is
 * something else. Roles and the paper stay, because `通讯员` and `记者` say who did what.
 */
export const readByline = (line: string): string | undefined => {
  const c = compact(line)
  if (c.length < 3 || c.length > MAX_CHARS || /[。，,；;！？!?：:]/.test(line.replace(/^[^:：]{1,6}[:：]/, ''))) return undefined
  if (!role.test(line) || !/\p{Script=Han}{2}|[a-z]{3}/iu.test(line)) return undefined
  let text = creditText(line)
  // `苏报通讯员吴工宣计洪才苏报记者千寻`: a second role starts a second credit.
  const firstRole = /记者|通讯员/.exec(text)
  if (firstRole) {
    const at = firstRole.index + firstRole[0].length
    text =
      text.slice(0, at) + text.slice(at).replace(/(?<=\S)(?<!报)(?=(?:本报|\p{Script=Han}报)?(?:特约|见习|实习)?(?:记者|通讯员))/gu, ' ')
  }
  text = text.replace(/\s+/g, ' ').trim()
  // `联系记者`, `记者博客`: a menu that names the role, not a person.
  if (/联系|博客|荐稿|热线|招聘/.test(text)) return undefined
  return compact(text).length >= 2 && /\p{Script=Han}|[a-z]/iu.test(text) ? text : undefined
}

/** The role words names follow in a credit: `本报记者`, `新华社记者`, `特约通讯员`, `实习生`. */
const roleWord = /(?:特约|见习|实习|首席|全媒体)?(?:记者|通讯员|实习生|作者|撰稿|撰文|编译|摄影|评论员)/u

/** `王乐文  方  敏`: papers pad a two-character name to the width of three, so its halves are one name. */
const joinPaddedNames = (tokens: string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const single = (t: string | undefined) => t !== undefined && /^\p{Script=Han}$/u.test(t)
    if (single(tokens[i]) && single(tokens[i + 1])) out.push(tokens[i] + tokens[++i])
    else out.push(tokens[i])
  }
  return out
}

/** Where an institution's name begins: a province, a large city, the nation or its centre. */
const placeStart =
  /^(?:中国|中央|国家|全国|国务院|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|南京|武汉|广州|深圳|杭州|西安|成都|厦门|青岛|大连|苏州|清华|复旦|同济|南开|浙大|中山)/u
/** What a commentator's affiliation ends with: the post or degree after the institution. */
const posts =
  '教授|研究员|讲师|博士|博士后|博士生|硕士|研究生|院长|部长|处长|局长|科长|组长|社长|校长|行长|主编|主任|所长|书记|秘书长|专家|学者|会长|理事长|董事长|总经理|首席经济学家|分析师|律师|医师|导师|委员|顾问|主席|代表|工程师|编辑|作家|评论员'
const postEnd = new RegExp(`(?:${posts})$`, 'u')
/** `研究员徐占忱`: the last post of an affiliation, then the name. */
const postThenName = new RegExp(`(?:${posts})(\\p{Script=Han}{2,3})$`, 'u')

/**
 * `方敏北京大学经济学院教授`: a commentator's name run into the institution and post a paper
 * prints after it. The name is the two or three characters before the institution begins.
 */
const nameBeforePost = (token: string): string | undefined => {
  if (!postEnd.test(token) || !/^\p{Script=Han}{6,40}$/u.test(token)) return undefined
  for (const length of [2, 3]) if (placeStart.test(token.slice(length))) return token.slice(0, length)
  return undefined
}

/** `…部长、研究员徐占忱`: a name printed after its post, the last word of a commentator's credit. */
const nameAfterPost = (token: string): string | undefined =>
  token.length > 4 && !postEnd.test(token) ? postThenName.exec(token)?.[1] : undefined

/**
 * A word of a credit that is an affiliation and no name: `北京大学经济学院教授`,
 * `“一带一路”研究部部长`; names are four characters at most, so a longer word ending in a post is none.
 */
const isAffiliation = (token: string) => token.length > 4 && postEnd.test(token)

/**
 * The names a credit gives, and nothing else: `光明日报记者 王建宏 张文攀` → `王建宏 张文攀`,
 * `顶端新闻·河南商报记者马俊峰/文` → `马俊峰`, `苏报通讯员吴工宣 苏报记者千寻` → `吴工宣 千寻`,
 * `姚峰 上海报道` → `姚峰`. The paper and the role describe the credit, not the person; the
 * author field holds people (or the department that wrote it), as readers and search expect.
 * Undefined when no name is left (`本报记者` alone).
 */
export const authorNames = (credit: string): string | undefined => {
  const tokens = creditText(credit)
    .split(/[\s\u3000、，,;；]+/u)
    .filter(Boolean)
  const firstRole = tokens.findIndex((t) => roleWord.test(t))
  // Without a role every word is a name; with one, the words before it name the paper.
  const names = (firstRole < 0 ? tokens : tokens.slice(firstRole))
    .map((t) =>
      t
        .split(roleWord)
        .at(-1)!
        .replace(/^[·•:：]+/, ''),
    )
    .map((t) => nameBeforePost(t) ?? nameAfterPost(t) ?? t)
    // `刘满仓摄`, `刘满仓 摄`: a photographer's credit names the photographer.
    .map((t) => (/^\p{Script=Han}{2,3}摄$/u.test(t) ? t.slice(0, -1) : t))
    .filter((t) => t && t !== '摄' && !isAffiliation(t))
  return names.length ? joinPaddedNames(names).join(' ') : undefined
}

/**
 * `据新华社拉萨电（记者 格桑边觉）…`, `本报讯（通讯员 李明）…`: the byline a news lead opens
 * with. The lead stays in the text; only the credit is read.
 */
export const leadByline = (paragraph: string): string | undefined => {
  const m =
    /^(?:本报讯|本台讯|本网讯|据\p{Script=Han}{2,12}电|\p{Script=Han}{2,10}讯|\p{Script=Han}{2,8}\d{1,2}月\d{1,2}日电)[\s\u3000]*[(（]([^()（）]{2,30})[)）]/u.exec(
      paragraph.trim().slice(0, 80),
    )
  // `新华社北京5月19日电（刘艺、杨吉）`: an agency's lead names its reporters with no role word.
  return m ? (readByline(m[1]) ?? closingNames(m[1])) : undefined
}

/**
 * `新华社上海11月30日电`, `据中新网电`, `北京商报讯`: the agency or paper a news lead names as the
 * one that filed it, ahead of the place and date; the page's source when nothing else names one.
 */
export const leadSource = (paragraph: string): string | undefined => {
  const filed = /^据?([^\s，。,、：:（(]{2,24}?)(?:\d{1,2}月\d{1,2}日)?[电讯]/u.exec(paragraph.trim().slice(0, 40))?.[1]
  const name = filed && /^[\p{Script=Han}A-Za-z0-9]{2,8}?(?:社|网|报|台)/u.exec(filed)?.[0]
  // What follows the name is the place it filed from (`上海`), nothing else.
  return name && /^\p{Script=Han}{0,6}$/u.test(filed.slice(name.length)) ? name : undefined
}

/** `光明网`, `江南日报客户端`, `青湖发布`, `39健康网`: a publisher's name printed alone beside the date. */
const publisher = /^(?:\d{1,4})?[\p{Script=Han}A-Za-z·]{2,12}(?:网|报|台|社|客户端|发布|新闻|在线|频道|杂志|公众号|总工会|工会)$/u

export const readPublisher = (text: string): string | undefined => {
  // `本文来源于国家统计局`: the words introduce the publisher, whatever its name ends with, and are not part of it.
  let t = text.replace(/[\s\u3000]+/g, '')
  const introduced = /^(?:本文)?来源于/.test(t)
  // `原创：39健康网` beside the date: the site that wrote it.
  t = t.replace(/^(?:本文)?来源于|^原创[:：]/, '')
  // Trimmed by hand: an unanchored `[…]+$` would rescan every run of separators.
  while (t && '|｜·-'.includes(t[0]!)) t = t.slice(1)
  while (t && '|｜·-'.includes(t.at(-1)!)) t = t.slice(0, -1)
  return publisher.test(t) || (introduced && /^[\p{Script=Han}A-Za-z·]{2,16}$/u.test(t)) ? t : undefined
}

/**
 * `编辑/倪家宁` under `文/栗思`, `编辑 周褶褶 ｜ 排版 魏蔚` under `作者 王之言`: the editor's credit
 * written the way the byline is, with no colon, and the layout credits beside it; the editor's name, or undefined.
 */
export const editorCredit = (line: string): string | undefined =>
  /^(?:编辑|责编|责任编辑)(?:\s*[/／]\s*|\s+)(\p{Script=Han}{2,4})(?:\s*[|｜丨]\s*(?:排版|校对|审核|美编|设计|视觉|制图)(?:\s*[/／:：]\s*|\s*)\p{Script=Han}{2,4})*$/u.exec(
    line.trim(),
  )?.[1]

/** A date run into the value before it: `人民日报2024-05-13 08:49`. */
const gluedDate = /(?:19|20)\d{2}[-/.年]\d/

/**
 * The publisher a `来源：` label names, without what the template prints after it: a date
 * run into it (`人民日报2024-05-13 08:49`), or the reporter or the site beside it
 * (`中国新闻网 王帆`, `央视新闻客户端 中国青年网`) once the first word is a publisher's name.
 */
export const sourceName = (value: string): string => {
  const date = gluedDate.exec(value)
  const v = date && date.index > 0 ? value.slice(0, date.index).trim() : value
  const [first, next] = v.split(/[\s\u3000]+/u)
  // `人民网 - 人民日报` names both, joined on purpose.
  return next && !/^[-－—·|｜/]/.test(next) && readPublisher(first) ? first : v
}

/** Words a closing bracket holds that are not names: `（完）`, `（待续）`, `（原创）`, `（新华社）`. */
const notNames =
  /^(?:完|全文完|待续|未完|未完待续|续|上|中|下|原创|转载|图|摄|供图|资料图|图片|有删节|节选|摘编|编者按)$|[社网报台刊部局委办处厅会所站院校]$/u

/**
 * `……过廉洁之年。（常书香 马丹阳）`: regional papers close a story with their reporters' names in
 * brackets and no role. One to four names of two to four characters, nothing else.
 */
export const closingNames = (inner: string): string | undefined => {
  const names = inner
    .trim()
    .split(/[\s\u3000、，,]+/u)
    .filter(Boolean)
  // `宣传科 林晓燕`: a unit and its writer (closingUnit), not two names.
  if (names.length === 0 || names.length > 4 || closingUnit(inner)?.name) return undefined
  return names.every((n) => /^\p{Script=Han}{2,4}$/u.test(n) && !notNames.test(n)) ? names.join(' ') : undefined
}

/** The last word of a unit's name: a hospital, a bureau, a union, a department or ward of one. */
const unitEnd =
  /^[\p{Script=Han}（）()]{2,24}(?:院|局|委|办|会|中心|科|处|部|站|所|室|队|公司|集团|学校|学院|大学|医院|社区|街道|病区|云|报|台)$/u

export interface ClosingUnit {
  unit: string
  /** The person the unit's line names after it, when it does. */
  name?: string
}

/**
 * `衢州市妇幼保健院健康教育科 汪雪梅`, `江南市第一医院`, `青湖区总工会 林晓燕`: the unit (and
 * the writer) institutions and WeChat accounts print on a line of their own under the text,
 * with no role word. Undefined for anything else.
 */
export const closingUnit = (line: string): ClosingUnit | undefined => {
  const parts = line.trim().split(/[\s\u3000]+/u)
  if (parts.length > 2) return undefined
  const [unit, name] = parts
  if (!unitEnd.test(unit) || (name !== undefined && !/^\p{Script=Han}{2,4}$/u.test(name))) return undefined
  return { unit, name }
}

/**
 * The common family names (and the compound ones): a name printed alone must start with one.
 * Those that also open menu words and headings (`查看评论`, `关于…`, `温馨提示`) are left out.
 */
const surname =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|夏侯|端木|独孤|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞柳甘祝宁舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪芦麦褚娄窦戚岑景党宫卜晏卫柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘迟邝])/u
/** Headings a text may open with that would read as two-character names. */
const sectionWords =
  /^(?:前言|引言|序言|摘要|导语|导读|按语|正文|后记|附录|目录|提要|概述|背景|简介|说明|方案|关于|文摘|结语|小结|总结|附件|注释|图片|视频|全文)$/u

/**
 * `胡平`, `赵延东、风笑天` alone on the line under the headline: old portals and magazines print
 * their writers' names there with no role word. Each must start with a family name, so a short
 * heading (`前言`) or a greeting is not taken for one. Undefined for anything else.
 */
export const headNames = (line: string): string | undefined => {
  const names = closingNames(line)
  return names?.split(' ').every((n) => surname.test(n) && !sectionWords.test(n)) ? names : undefined
}
