import type { RuleKind, RuleTopic } from './kinds'

export interface StarterRule {
  kind: RuleKind
  topic: RuleTopic
  find: string
  suggestion: string
  note: string
}

/** Wrong characters in set phrases: [as often mistyped, as written]. */
const phrases: [string, string][] = [
  ['再接再励', '再接再厉'],
  ['按步就班', '按部就班'],
  ['迫不急待', '迫不及待'],
  ['一股作气', '一鼓作气'],
  ['变本加利', '变本加厉'],
  ['不径而走', '不胫而走'],
  ['走头无路', '走投无路'],
  ['默守成规', '墨守成规'],
  ['谈笑风声', '谈笑风生'],
  ['甘败下风', '甘拜下风'],
  ['针贬时弊', '针砭时弊'],
  ['一愁莫展', '一筹莫展'],
  ['穿流不息', '川流不息'],
  ['直接了当', '直截了当'],
  ['金榜提名', '金榜题名'],
  ['滥芋充数', '滥竽充数'],
  ['出奇不意', '出其不意'],
  ['貌和神离', '貌合神离'],
  ['破斧沉舟', '破釜沉舟'],
  ['名符其实', '名副其实'],
  ['迫不得以', '迫不得已'],
  ['既往不究', '既往不咎'],
  ['相形见拙', '相形见绌'],
  ['鬼鬼崇崇', '鬼鬼祟祟'],
  ['记忆尤新', '记忆犹新'],
  ['重蹈复辙', '重蹈覆辙'],
  ['再所不惜', '在所不惜'],
  ['义不容词', '义不容辞'],
  ['言简意骇', '言简意赅'],
  ['一如继往', '一如既往'],
  ['精兵减政', '精兵简政'],
  ['挺而走险', '铤而走险'],
  ['不加思索', '不假思索'],
  ['关怀倍至', '关怀备至'],
  ['声名雀起', '声名鹊起'],
  ['英雄倍出', '英雄辈出'],
  ['人才倍出', '人才辈出'],
  ['坚苦卓绝', '艰苦卓绝'],
  ['集思广义', '集思广益'],
  ['脍灸人口', '脍炙人口'],
  ['歪风斜气', '歪风邪气'],
  ['迫在眉捷', '迫在眉睫'],
  ['美仑美奂', '美轮美奂'],
  ['高潮叠起', '高潮迭起'],
  ['黄梁美梦', '黄粱美梦'],
  ['披星带月', '披星戴月'],
  ['仗义直言', '仗义执言'],
  ['食不裹腹', '食不果腹'],
  ['不记其数', '不计其数'],
  ['大声急呼', '大声疾呼'],
  ['出类拔粹', '出类拔萃'],
  ['有持无恐', '有恃无恐'],
  ['一张一驰', '一张一弛'],
  ['声名狼籍', '声名狼藉'],
  ['陈词烂调', '陈词滥调'],
  ['心心相映', '心心相印'],
  ['众志成诚', '众志成城'],
  ['竞竞业业', '兢兢业业'],
  ['废寝忘餐', '废寝忘食'],
  ['精亦求精', '精益求精'],
  ['契而不舍', '锲而不舍'],
  ['无微不致', '无微不至'],
  ['兴高彩烈', '兴高采烈'],
  ['好高鹜远', '好高骛远'],
  ['各行其事', '各行其是'],
  ['名列前矛', '名列前茅'],
  ['如火如茶', '如火如荼'],
  ['金壁辉煌', '金碧辉煌'],
  ['别出新裁', '别出心裁'],
  ['举一返三', '举一反三'],
  ['融汇贯通', '融会贯通'],
]

/** Wrong characters in common words. */
const words: [string, string][] = [
  ['截止目前', '截至目前'],
  ['截止到', '截至'],
  ['做为', '作为'],
  ['部份', '部分'],
  ['座落', '坐落'],
  ['欢渡', '欢度'],
  ['签定', '签订'],
  ['尉问', '慰问'],
  ['自已', '自己'],
  ['己经', '已经'],
  ['既使', '即使'],
  ['急燥', '急躁'],
  ['烦燥', '烦躁'],
  ['竟赛', '竞赛'],
  ['竟争', '竞争'],
  ['震憾', '震撼'],
  ['寒喧', '寒暄'],
  ['赡仰', '瞻仰'],
  ['元霄', '元宵'],
  ['精萃', '精粹'],
  ['气慨', '气概'],
  ['松驰', '松弛'],
  ['入场卷', '入场券'],
  ['按装', '安装'],
  ['篮图', '蓝图'],
  ['粗旷', '粗犷'],
  ['凑和', '凑合'],
  ['渲泄', '宣泄'],
  ['帐户', '账户'],
]

/** Union bodies, honours and titles in their official form. */
const names: [kind: RuleKind, find: string, suggestion: string, note: string][] = [
  ['wrong', '中国总工会', '中华全国总工会', '全国总工会的正式名称是“中华全国总工会”。'],
  ['wrong', '中华全国工会', '中华全国总工会', '全国总工会的正式名称是“中华全国总工会”。'],
  ['wrong', '中华总工会', '中华全国总工会', '全国总工会的正式名称是“中华全国总工会”。'],
  ['wrong', '职工之象', '职工之家', '“职工之家”是工会建家活动的正式名称。'],
  ['wrong', '职工小屋', '职工小家', '班组一级的建家称号是“职工小家”。'],
  ['wrong', '职工书室', '职工书屋', '全总命名的阅读场所是“职工书屋”。'],
  ['wrong', '五·一劳动奖章', '五一劳动奖章', '奖章名称中“五一”不加间隔号。'],
  ['wrong', '五.一劳动奖章', '五一劳动奖章', '奖章名称中“五一”不加点号。'],
  ['wrong', '五一劳模奖章', '五一劳动奖章', '荣誉名称是“五一劳动奖章”。'],
  ['wrong', '工人先峰号', '工人先锋号', '“锋”为金字旁。'],
  ['wrong', '12351职工热线', '12351职工服务热线', '热线的正式名称是“12351职工服务热线”。'],
  ['avoid', '农民工兄弟', '农民工', '正式报道中不用亲昵称呼。'],
]

/**
 * Date and number style (GB/T 15835, GB/T 15834): half-width digits, 日 not 号 in dates, 〇
 * in years written in Chinese numerals, no dot in festival names made of a month and a day,
 * no 千/百 after Arabic digits.
 */
const dateNumber: [find: string, suggestion: string, note: string][] = [
  ...Array.from('０１２３４５６７８９', (digit, i) => [digit, String(i), '数字用半角阿拉伯数字。'] as [string, string, string]),
  ...Array.from(
    { length: 31 },
    (_, i) => [`月${i + 1}号`, `月${i + 1}日`, '公文和新闻中日期写作“日”，不写“号”。'] as [string, string, string],
  ),
  ...Array.from({ length: 9 }, (_, i) => [`${i + 1}千`, `${i + 1}000`, '“千”“百”不与阿拉伯数字连用。'] as [string, string, string]),
  ['二零一', '二〇一', '用汉字写年份时，“零”写作“〇”。'],
  ['二零二', '二〇二', '用汉字写年份时，“零”写作“〇”。'],
  ['零年', '〇年', '用汉字写年份时，“零”写作“〇”。'],
  ['五·一', '五一', '节日名称只在一月、十一月、十二月后加间隔号（如“一·二八”），“五一”不加。'],
  ['三·八', '三八', '节日名称只在一月、十一月、十二月后加间隔号，“三八”不加。'],
  ['十·一', '十一', '节日名称只在一月、十一月、十二月后加间隔号，“十一”不加。'],
  ['五.一', '五一', '节日名称中不用点号。'],
  ['星期天', '星期日', '正式文稿写“星期日”。'],
]

/**
 * The starter list the project writes itself: common wrong characters in set phrases, union
 * bodies and titles in their official form, and date and number style. Staff extend and
 * correct it in the admin (规范用语); cms/wording/seed.ts loads it into an empty collection.
 */
export const starterRules: StarterRule[] = [
  ...phrases.map(([find, suggestion]): StarterRule => ({ kind: 'wrong', topic: 'phrase', find, suggestion, note: '成语用字有误。' })),
  ...words.map(([find, suggestion]): StarterRule => ({ kind: 'wrong', topic: 'phrase', find, suggestion, note: '常见错别字。' })),
  ...names.map(([kind, find, suggestion, note]): StarterRule => ({ kind, topic: 'name', find, suggestion, note })),
  ...dateNumber.map(([find, suggestion, note]): StarterRule => ({ kind: 'wrong', topic: 'date-number', find, suggestion, note })),
]
