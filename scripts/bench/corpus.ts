import { homeAwardLevels, homeFacilities, honorTitles, serviceCategories } from '../../content-models/options'
import type { Block, SampleHours, SampleImage } from '../../cms/seed/types'
import { Random } from './random'
import {
  ACTIVITIES,
  AMENITY_WORDS,
  CITY,
  COMPANIES,
  DISTRICTS,
  GIVEN,
  GROUPS,
  HEADINGS,
  INDUSTRIES,
  JOB_TITLES,
  MEASURES,
  NOTICE_TOPICS,
  OPENING_VERBS,
  PROVINCE,
  QUOTES,
  RESULTS,
  ROLES,
  STREETS,
  STUDIO_FIELDS,
  SURNAMES,
  VENUES,
  type Activity,
  type BenchDistrict,
} from './vocabulary'

/**
 * The synthetic corpus: plausible Simplified Chinese union news with realistic lengths
 * (titles 15-30 characters, bodies 600-2500 characters in 4-10 paragraphs), spread over
 * twelve years, eight districts and every section, plus services, workers' homes and labor
 * models in the proportions the issue asks for. Everything is a pure function of the seed
 * and the document's index.
 */

export interface CorpusPlan {
  articles: number
  services: number
  workersHomes: number
  laborModels: number
  /** Distinct images, reused as covers and photos (see README: uploading one per article would dominate the run). */
  images: number
}

/**
 * Past this many articles the other collections stop growing: a larger archive is more years
 * of news (200k is a provincial federation's twenty years), not more services or workers' homes.
 */
export const OTHERS_GROW_UNTIL = 50_000

/**
 * ≈ 1k services, 300 homes and 500 labor models per 10k articles, at least a few of each;
 * `othersAt`: size those as for that many articles instead (at most OTHERS_GROW_UNTIL).
 */
export const planCorpus = (articles: number, othersAt = articles): CorpusPlan => {
  const scale = Math.min(othersAt, OTHERS_GROW_UNTIL)
  return {
    articles,
    services: Math.max(5, Math.round(scale / 10)),
    workersHomes: Math.max(3, Math.round(scale * 0.03)),
    laborModels: Math.max(5, Math.round(scale * 0.05)),
    images: 8,
  }
}

export const FIRST_YEAR = 2014
export const LAST_YEAR = 2025

const chars = (s: string) => [...s].length
const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN)
const pad2 = (n: number) => String(n).padStart(2, '0')

// ------------------------------------------------------------------ reference data

export interface BenchRegion {
  code: string
  name: string
  level: 'province' | 'city' | 'district' | 'subdistrict'
  parentCode?: string
}

export interface BenchOrganization {
  key: string
  name: string
  kind: 'federation' | 'industry' | 'subdistrict' | 'enterprise'
  parentKey?: string
  regionCode: string
  address: string
  phone: string
  memberCount: number
}

export const subdistrictCode = (d: BenchDistrict, i: number) => `${d.code}${String(i + 1).padStart(3, '0')}`

export const benchRegions = (): BenchRegion[] => [
  { code: PROVINCE.code, name: PROVINCE.name, level: 'province' },
  { code: CITY.code, name: CITY.name, level: 'city', parentCode: PROVINCE.code },
  ...DISTRICTS.map((d): BenchRegion => ({ code: d.code, name: d.name, level: 'district', parentCode: CITY.code })),
  ...DISTRICTS.flatMap((d) =>
    d.subdistricts.map((name, i): BenchRegion => ({ code: subdistrictCode(d, i), name, level: 'subdistrict', parentCode: d.code })),
  ),
]

const landline = (r: Random) => `0579-8${r.int(1000000, 9999999)}`

/** The union tree: city federation, district federations, subdistrict, industry and enterprise unions. */
export const benchOrganizations = (seed: string): BenchOrganization[] => {
  const r = new Random(`${seed}:organizations`)
  const address = (district: string) => `${CITY.name}${district}${r.pick(STREETS)}${r.int(1, 399)}号`
  const orgs: BenchOrganization[] = [
    {
      key: 'city',
      name: `${CITY.name}总工会`,
      kind: 'federation',
      regionCode: CITY.code,
      address: address('澄湖区'),
      phone: landline(r),
      memberCount: 412000,
    },
  ]
  for (const [i, name] of ['建设', '教育', '卫生健康', '交通运输', '机械冶金', '商贸金融'].entries()) {
    orgs.push({
      key: `industry-${i}`,
      name: `${CITY.name}${name}工会`,
      kind: 'industry',
      parentKey: 'city',
      regionCode: CITY.code,
      address: address('澄湖区'),
      phone: landline(r),
      memberCount: r.int(8000, 60000),
    })
  }
  for (const d of DISTRICTS) {
    orgs.push({
      key: `district-${d.code}`,
      name: `${d.name}总工会`,
      kind: 'federation',
      parentKey: 'city',
      regionCode: d.code,
      address: address(d.name),
      phone: landline(r),
      memberCount: r.int(30000, 90000),
    })
    for (const [i, s] of d.subdistricts.entries()) {
      orgs.push({
        key: `sub-${subdistrictCode(d, i)}`,
        name: `${s}总工会`.replace('镇总工会', '镇工会').replace('乡总工会', '乡工会'),
        kind: 'subdistrict',
        parentKey: `district-${d.code}`,
        regionCode: subdistrictCode(d, i),
        address: address(d.name),
        phone: landline(r),
        memberCount: r.int(2000, 20000),
      })
    }
  }
  for (const [i, company] of COMPANIES.entries()) {
    const d = DISTRICTS[i % DISTRICTS.length]!
    orgs.push({
      key: `company-${i}`,
      name: `${company}工会委员会`,
      kind: 'enterprise',
      parentKey: `district-${d.code}`,
      regionCode: d.code,
      address: address(d.name),
      phone: landline(r),
      memberCount: r.int(80, 6000),
    })
  }
  return orgs
}

/** A handful of illustrations drawn with sharp, reused across the corpus. */
export const benchImages = (count: number): (SampleImage & { key: string })[] => {
  const motifs: SampleImage['motif'][] = ['building', 'people', 'factory', 'book', 'heart', 'road', 'trophy']
  const alts: Record<SampleImage['motif'], string> = {
    building: '示意图：蓝色背景上高低错落的楼宇',
    people: '示意图：三位职工的剪影',
    factory: '示意图：厂房与烟囱的轮廓',
    book: '示意图：一本打开的书',
    heart: '示意图：暖色背景上的爱心图案',
    road: '示意图：延伸的道路和路边的驿站',
    trophy: '示意图：奖杯图案',
  }
  return Array.from({ length: count }, (_, i) => {
    const motif = motifs[i % motifs.length]!
    return { key: `bench-${i}`, motif, hue: (i * 47) % 360, alt: alts[motif], caption: '基准测试配图（示意）', credit: '基准测试' }
  })
}

// ------------------------------------------------------------------ articles

export interface BenchArticle {
  title: string
  summary?: string
  body: Block[]
  publishedAt: string
  source: string
  author?: string
  responsibleEditor?: string
  regionCode?: string
  organizationKey?: string
  categorySlugs: string[]
  tags: string[]
  featured: boolean
  /** Index into the image pool. */
  cover?: number
  draft: boolean
}

interface Facts {
  r: Random
  year: number
  month: number
  day: number
  district?: BenchDistrict
  subdistrict?: string
  subdistrictIndex?: number
  place: string
  placeShort: string
  org: string
  orgKey: string
  activity: Activity
  activityShort: string
  group: string
  company: string
  venue: string
  person: string
  person2: string
  role: string
}

const THINGS = [
  '慰问金',
  '防暑降温药品',
  '清凉饮品',
  '米面油等慰问品',
  '助学金',
  '体检卡',
  '图书和学习用品',
  '冬季御寒衣物',
  '法律知识手册',
  '会员卡',
]
const ISSUES = ['工资拖欠', '工伤认定', '劳动合同签订', '社会保险缴纳', '加班费计算', '带薪年休假', '女职工“三期”保护', '劳务派遣用工']
const PROBLEMS = [
  '部分企业欠薪问题',
  '户外劳动者“吃饭难、喝水难、如厕难”',
  '新就业形态劳动者入会难',
  '职工子女暑期看护难',
  '困难职工看病贵',
  '一线职工技能提升渠道少',
  '小微企业工会组织覆盖率低',
  '青年职工婚恋交友圈子窄',
]
const PARTNERS = ['人力社保部门', '司法行政部门', '卫生健康部门', '团市委', '市妇联', '交警支队', '市场监管部门', '住建部门', '教育部门']
const PURPOSES = [
  '维护职工合法权益',
  '服务职工群众',
  '推进产业工人队伍建设改革',
  '构建和谐劳动关系',
  '激发职工劳动热情',
  '提升职工获得感和幸福感',
]
const DEMANDS = [
  '提高思想认识',
  '压实工作责任',
  '加强宣传引导',
  '规范资金管理',
  '注重工作实效',
  '及时总结推广经验',
  '主动对接职工需求',
  '加强督促检查',
]
const SCENES = [
  '工作人员耐心为职工讲解政策，现场咨询的人络绎不绝',
  '比赛现场气氛热烈，掌声和加油声此起彼伏',
  '驿站内干净整洁，饮水机、微波炉一应俱全',
  '职工们排起长队等候咨询，志愿者在一旁维持秩序',
  '一张张笑脸上洋溢着幸福，不少职工拿出手机合影留念',
  '选手们动作娴熟，操作精准，不时赢得观众喝彩',
  '展板前围满了前来了解政策的职工',
  '医护人员为职工测量血压、检查身体，并给出健康建议',
]
const DEEDS = [
  '扎根一线，带出了一支过硬的技术团队',
  '累计提出合理化建议一百余条，为企业节约成本上千万元',
  '始终坚持“质量第一”的信条，经手产品合格率保持百分之百',
  '牵头完成技术革新项目二十余项，其中多项获得国家专利',
  '坚守岗位，无论寒暑从未耽误过一次任务',
  '把自己总结的操作法无偿传授给年轻职工',
]
const STAGES = ['摸底排查', '集中走访', '总结评估', '宣传发动', '组织实施', '巩固提升']

/** Sentences that open a report. */
const openings: ((f: Facts) => string)[] = [
  (f) =>
    `${f.month}月${f.day}日，${f.org}在${f.venue}${f.r.pick(OPENING_VERBS)}${f.activity.name}，${f.r.int(30, 600)}余名${f.group}参加。`,
  (f) => `近日，${f.org}${f.r.pick(OPENING_VERBS)}${f.activity.name}，${f.r.pick(MEASURES)}，推动工作${f.r.pick(RESULTS)}。`,
  (f) => `${f.year}年${f.month}月${f.day}日上午，${f.place}${f.activity.name}在${f.company}举行，${f.org}主要负责人出席并讲话。`,
  (f) =>
    `为进一步做好${f.activityShort}工作，${f.org}从${f.month}月中旬起在全${f.district ? '区' : '市'}范围内${f.r.pick(OPENING_VERBS)}${f.activity.name}。`,
  (f) => `记者从${f.org}获悉，${f.year}年${f.place}${f.activity.name}日前全面启动，今年将重点面向${f.group}。`,
]

/** Sentences for the middle of a report; each article cycles through them in its own order. */
const middles: ((f: Facts) => string)[] = [
  (f) =>
    `据统计，今年以来${f.place}各级工会累计投入资金${f.r.int(12, 2600)}万元，惠及${f.group}${f.r.int(300, 48000)}人次，同比增长${f.r.int(3, 36)}%。`,
  (f) => `活动期间，工作人员向${f.group}发放了${f.r.pick(THINGS)}，并现场解答了${f.r.pick(ISSUES)}、${f.r.pick(ISSUES)}等方面的问题。`,
  (f) =>
    `${f.company}工会主席${f.person2}介绍，企业现有职工${f.r.int(120, 8000)}人，其中${f.group}占${f.r.int(10, 70)}%，工会通过${f.r.pick(MEASURES)}，让服务${f.r.pick(RESULTS)}。`,
  (f) => `“${f.r.pick(QUOTES)}。”${f.company}${f.role}${f.person}说。`,
  (f) => `${f.person}是${f.company}的一名${f.role}，${f.r.int(5, 32)}年来${f.r.pick(DEEDS)}。`,
  (f) => `记者在现场看到，${f.r.pick(SCENES)}。`,
  (f) => `${f.org}有关负责人表示，${f.activityShort}是${f.r.pick(PURPOSES)}的重要举措，今年将${f.r.pick(MEASURES)}。`,
  (f) =>
    `按照计划，${f.activityShort}将持续到${Math.min(12, f.month + f.r.int(1, 4))}月底，分三个阶段推进：第一阶段${f.r.pick(STAGES)}，第二阶段${f.r.pick(STAGES)}，第三阶段${f.r.pick(STAGES)}。`,
  (f) =>
    `截至${f.month}月底，全${f.district ? '区' : '市'}已建成${f.r.pick(['户外劳动者驿站', '职工书屋', '劳模创新工作室', '爱心妈咪小屋', '职工法律服务站'])}${f.r.int(8, 320)}个，覆盖职工${f.r.int(2, 60)}万余人。`,
  (f) =>
    `在${f.r.pick(VENUES)}，${f.r.int(12, 260)}名${f.group}${f.r.pick(['认真聆听讲解', '参加了技能比拼', '领到了慰问品', '接受了免费体检', '签订了集体合同', '现场办理了入会手续'])}。`,
  (f) =>
    `针对${f.r.pick(PROBLEMS)}，${f.org}${f.r.pick(MEASURES)}，并联合${f.r.pick(PARTNERS)}${f.r.pick(['开展联合检查', '建立信息共享机制', '设立服务专窗', '开展专项培训', '印发工作指引'])}。`,
  (f) => `职工如遇${f.r.pick(ISSUES)}等问题，可拨打12351职工服务热线，或到${f.place}职工服务中心咨询。`,
  (f) =>
    `“我们把${f.activityShort}当作${f.r.pick(['一件实事', '一项民心工程', '工会工作的重中之重', '服务职工的头等大事'])}来抓。”${f.org}${f.r.pick(['主席', '副主席', '办公室主任', '权益保障部部长'])}${f.person2}说。`,
  (f) =>
    `${f.subdistrict ?? f.placeShort}的${f.group}${f.person}告诉记者，${f.r.pick(['这是他第一次参加这样的活动', '她已经连续三年参加', '身边不少工友也报了名', '以后还想带着家人一起来'])}。`,
  (f) =>
    `${f.year}年，${f.place}共有${f.r.int(3, 48)}家企业${f.r.pick(['完成工资集体协商', '建立劳模创新工作室', '获评模范职工之家', '开展职工技能竞赛'])}，比上年增加${f.r.int(1, 12)}家。`,
  (f) =>
    `为方便职工参与，${f.org}还开通了线上报名渠道，职工通过“${CITY.short}职工”小程序即可${f.r.pick(['预约服务', '报名参赛', '申请帮扶', '领取普惠券', '查询进度'])}。`,
  (f) =>
    `现场还设置了${f.r.pick(['政策咨询台', '法律服务台', '健康义诊台', '入会登记台', '心理疏导室'])}，${f.r.pick(PARTNERS)}的工作人员为职工提供一对一服务。`,
  (f) =>
    `${f.person}说，${f.r.pick(['比赛前他每天下班后都要加练两个小时', '协商达成后车间的流失率明显下降', '孩子在托管班里学会了游泳', '有了驿站，中午终于能吃上热饭'])}，${f.r.pick(['心里很踏实', '干活更有劲了', '日子越过越有盼头', '感谢工会的关心'])}。`,
]

const closings: ((f: Facts) => string)[] = [
  (f) => `下一步，${f.org}将继续${f.r.pick(MEASURES)}，推动${f.activityShort}${f.r.pick(RESULTS)}。`,
  (f) => `${f.org}要求，各基层工会要${f.r.pick(DEMANDS)}，${f.r.pick(DEMANDS)}，切实把${f.activityShort}各项工作落到实处。`,
  (f) =>
    `据悉，${f.activityShort}将作为${f.org}的常态化工作，每年${f.r.pick(['春节前', '五一前后', '盛夏时节', '开学前', '岁末年初'])}集中开展。`,
]

const titles: ((f: Facts) => string)[] = [
  (f) => `${f.org}${f.r.pick(OPENING_VERBS)}${f.year}年${f.activity.name}`,
  (f) =>
    `${f.placeShort}${f.r.int(20, 3000)}名${f.group}${f.r.pick(['领到帮扶金', '参加技能比武', '集中入会', '享受免费体检', '喝上“清凉茶”', '走进职工书屋'])}`,
  (f) => `${f.activity.name}走进${f.company}`,
  (f) =>
    `${f.company}工会${f.r.pick(['签订新一轮工资集体协议', '获评市级模范职工之家', '开展“师带徒”结对活动', '为一线职工送清凉', '建成劳模创新工作室'])}`,
  (f) =>
    `${f.person}：${f.r.pick(['三十年守护一条输电线', '把“绝活”教给年轻人', '在平凡岗位上追求极致', '从学徒到首席技师', '让每一颗螺丝都拧到位'])}`,
  (f) => `关于${f.r.pick(NOTICE_TOPICS)}的通知`,
  (f) =>
    `${f.placeShort}${f.activityShort}${f.r.pick(['取得新进展', '惠及职工超万人', '交出亮眼成绩单', '跑出“加速度”'])} ${f.r.pick(['多项举措落地', '职工点赞', '服务更贴心', '覆盖面继续扩大'])}`,
  (f) => `${f.year}年度${f.place}${f.r.pick(['五一劳动奖', '模范职工之家', '优秀职工书屋', '工人先锋号'])}拟表彰名单公示`,
]

const pickDate = (r: Random) => {
  const year = r.weighted(Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => [FIRST_YEAR + i, 2 + i] as const))
  const month = r.int(1, 12)
  const day = r.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate())
  return { year, month, day }
}

const facts = (r: Random): Facts => {
  const { year, month, day } = pickDate(r)
  const district = r.chance(0.75) ? r.pick(DISTRICTS) : undefined
  const subdistrictIndex = district && r.chance(0.4) ? r.int(0, district.subdistricts.length - 1) : undefined
  const subdistrict = district && subdistrictIndex !== undefined ? district.subdistricts[subdistrictIndex] : undefined
  const companyIndex = r.int(0, COMPANIES.length - 1)
  const orgChoice = r.weighted([
    ['place', 6],
    ['company', 2],
    ['subdistrict', subdistrict ? 2 : 0],
  ] as const)
  const place = district?.name ?? CITY.name
  const org =
    orgChoice === 'company'
      ? { name: `${COMPANIES[companyIndex]}工会`, key: `company-${companyIndex}` }
      : orgChoice === 'subdistrict' && district
        ? {
            name: `${subdistrict}总工会`.replace('镇总工会', '镇工会').replace('乡总工会', '乡工会'),
            key: `sub-${subdistrictCode(district, subdistrictIndex!)}`,
          }
        : district
          ? { name: `${district.name}总工会`, key: `district-${district.code}` }
          : { name: `${CITY.name}总工会`, key: 'city' }
  const activity = r.pick(ACTIVITIES)
  return {
    r,
    year,
    month,
    day,
    district,
    subdistrict,
    subdistrictIndex,
    place,
    placeShort: district?.name ?? CITY.name,
    org: org.name,
    orgKey: org.key,
    activity,
    activityShort: activity.name.replace(/^“(.+)”/, '$1').replace(/(活动|工作|行动)$/, ''),
    group: r.pick(GROUPS),
    company: COMPANIES[companyIndex]!,
    venue: r.pick(VENUES),
    person: personName(r),
    person2: personName(r),
    role: r.pick(ROLES),
  }
}

/** Sentences appended until the paragraph reaches its share of the body, never past the cap. */
const paragraph = (f: Facts, first: (f: Facts) => string, pool: ((f: Facts) => string)[], target: number, room: number) => {
  let text = first(f)
  while (chars(text) < target) {
    const next = pool.shift()
    if (!next) break
    pool.push(next)
    const sentence = next(f)
    if (chars(text) + chars(sentence) > room) break
    text += sentence
  }
  return text
}

export const MAX_BODY = 2500
export const MIN_BODY = 600

export const benchArticle = (seed: string, i: number, images: number): BenchArticle => {
  const r = new Random(`${seed}:article:${i}`)
  const f = facts(r)
  let title = ''
  for (let attempt = 0; attempt < 40 && !(chars(title) >= 15 && chars(title) <= 30); attempt++) title = r.pick(titles)(f)
  if (chars(title) > 30) title = [...title].slice(0, 30).join('')
  if (chars(title) < 15) title = `${f.place}${f.activity.name}${title}`.slice(0, 30)

  const length = r.bell(MIN_BODY, MAX_BODY - 200)
  const paragraphs = Math.min(10, Math.max(4, Math.round(length / 260) + r.int(-1, 1)))
  const pool = r.sample(middles, middles.length)
  const body: Block[] = []
  let used = 0
  for (let p = 0; p < paragraphs; p++) {
    const first = p === 0 ? r.pick(openings) : p === paragraphs - 1 ? r.pick(closings) : pool.shift()!
    if (p > 0 && p < paragraphs - 1) pool.push(first)
    const remaining = paragraphs - p
    const target = Math.max(40, (length - used) / remaining)
    const text = paragraph(f, first, p === paragraphs - 1 ? [] : pool, target, MAX_BODY - used - (remaining - 1) * 60)
    if (p > 1 && p < paragraphs - 1 && paragraphs >= 6 && r.chance(0.3)) body.push({ heading: r.pick(HEADINGS) })
    body.push(text)
    used += chars(text)
  }
  // Short drafts get one more middle paragraph rather than falling under the floor.
  while (used < MIN_BODY) {
    const extra = paragraph(f, pool[0]!, pool.slice(1), 120, MAX_BODY - used)
    body.splice(body.length - 1, 0, extra)
    used += chars(extra)
  }

  const opening = typeof body[0] === 'string' ? body[0] : ''
  const category = f.activity.category
  const categorySlugs = r.chance(0.15)
    ? [category, r.pick(['union-news', 'grassroots', 'notices', 'culture'].filter((c) => c !== category))]
    : [category]
  const hour = r.int(8, 18)
  return {
    title,
    summary: r.chance(0.7)
      ? [...opening]
          .slice(0, 78)
          .join('')
          .replace(/[，、；：]$/, '') + (chars(opening) > 78 ? '…' : '')
      : undefined,
    body,
    publishedAt: new Date(`${f.year}-${pad2(f.month)}-${pad2(f.day)}T${pad2(hour)}:${pad2(r.int(0, 59))}:00+08:00`).toISOString(),
    source: r.pick([f.org, `${CITY.short}工人报`, `${CITY.name}总工会宣传部`, `${f.place}融媒体中心`]),
    author: r.chance(0.8) ? `${r.pick(['记者', '通讯员', '本报记者'])} ${personName(r)}` : undefined,
    responsibleEditor: r.chance(0.6) ? personName(r) : undefined,
    regionCode: f.district
      ? f.subdistrictIndex !== undefined
        ? subdistrictCode(f.district, f.subdistrictIndex)
        : f.district.code
      : r.chance(0.5)
        ? CITY.code
        : undefined,
    organizationKey: r.chance(0.6) ? f.orgKey : undefined,
    categorySlugs,
    tags: r.sample([f.activity.tag, ...r.sample(ACTIVITIES, 2).map((a) => a.tag), f.group], r.int(1, 3)),
    featured: r.chance(0.02),
    cover: images > 0 && r.chance(0.6) ? r.int(0, images - 1) : undefined,
    draft: r.chance(0.02),
  }
}

// ------------------------------------------------------------------ services, homes, labor models

const weekdaysOnly = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
const hoursFor = (r: Random, allWeek: boolean): SampleHours[] =>
  allWeek && r.chance(0.3)
    ? [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }]
    : [
        { days: [...weekdaysOnly], opens: r.pick(['08:00', '08:30', '09:00']), closes: r.pick(['17:00', '17:30', '18:00', '20:00']) },
        ...(allWeek || r.chance(0.4)
          ? [{ days: ['sat' as const, 'sun' as const], opens: '09:00', closes: r.pick(['12:00', '16:00', '17:00']) }]
          : []),
      ]

const coordinatesIn = (r: Random) => ({
  lat: Number((29.05 + r.next() * 0.5).toFixed(5)),
  lng: Number((119.55 + r.next() * 0.6).toFixed(5)),
})

type ServiceCategory = (typeof serviceCategories)[number]['value']

/** Most names carry a subdistrict and a street, as real service points do, so few repeat. */
const serviceNames: Record<ServiceCategory, (r: Random, d: BenchDistrict, s: string) => string> = {
  'legal-aid': (r, d, s) =>
    r.pick([
      `${s}${r.pick(STREETS)}职工法律援助工作站`,
      `${s}劳动争议调解室`,
      `${r.pick(COMPANIES)}职工法律服务窗口`,
      `${d.short}${r.pick(STREETS)}职工维权服务点`,
    ]),
  'hardship-aid': (r, d, s) => r.pick([`${s}困难职工帮扶站`, `${d.short}${r.pick(STREETS)}帮扶服务点`]),
  employment: (r, d, s) => r.pick([`${s}就业援助服务点`, `${d.short}${r.pick(STREETS)}零工市场工会服务站`]),
  'medical-mutual-aid': (r, d, s) => r.pick([`${s}职工医疗互助受理点`, `${r.pick(COMPANIES)}医疗互助报销窗口`]),
  'education-aid': (r, _d, s) => r.pick([`${s}金秋助学申请受理点`, `${r.pick(COMPANIES)}助学服务窗口`]),
  'skills-training': (r, d) => `${d.name}工匠学院${r.pick(STUDIO_FIELDS)}培训基地（${r.pick(COMPANIES)}）`,
  counselling: (r, _d, s) => r.pick([`${s}职工心理健康驿站`, `${r.pick(COMPANIES)}心灵驿站`]),
  'rest-station': (r, _d, s) => `${s}${r.pick(STREETS)}户外劳动者驿站`,
  'book-house': (r, _d, s) => r.pick([`${r.pick(COMPANIES)}职工书屋`, `${s}${r.pick(STREETS)}职工书屋`]),
  'member-perks': (r, d, s) => r.pick([`${s}${r.pick(STREETS)}会员普惠服务点`, `${d.short}${r.pick(STREETS)}会员健身优惠点`]),
  matchmaking: (r, _d, s) => `${s}青年职工“鹊桥”交友服务点`,
  childcare: (r, _d, s) => r.pick([`${s}职工子女暑期托管班`, `${r.pick(COMPANIES)}职工子女托管班`]),
  hotline: (r, d) => `${d.name}${r.pick(['职工服务热线', '维权热线', '心理援助热线'])}`,
}

const categoryWeights: [ServiceCategory, number][] = [
  ['rest-station', 30],
  ['legal-aid', 10],
  ['book-house', 10],
  ['member-perks', 10],
  ['skills-training', 7],
  ['hardship-aid', 6],
  ['employment', 6],
  ['counselling', 5],
  ['childcare', 5],
  ['medical-mutual-aid', 4],
  ['education-aid', 3],
  ['matchmaking', 3],
  ['hotline', 1],
]

const amenityValues = [
  'water',
  'hot-meals',
  'charging',
  'toilet',
  'first-aid',
  'mother-baby',
  'rest-seats',
  'aircon',
  'microwave',
  'wifi',
] as const
const audienceValues = [
  'member',
  'migrant-worker',
  'gig-worker',
  'hardship',
  'women',
  'outdoor',
  'model-worker',
  'young',
  'retired',
  'everyone',
] as const

export const benchService = (seed: string, i: number) => {
  const r = new Random(`${seed}:service:${i}`)
  const d = r.pick(DISTRICTS)
  const si = r.int(0, d.subdistricts.length - 1)
  const s = d.subdistricts[si]!
  const category = r.weighted(categoryWeights)
  const name = serviceNames[category](r, d, s)
  const status = r.weighted([
    ['active', 90],
    ['temporarily-closed', 7],
    ['ended', 3],
  ] as const)
  const address = `${CITY.name}${d.name}${r.pick(STREETS)}${r.int(1, 599)}号`
  const station = category === 'rest-station'
  return {
    name,
    category,
    status,
    alert: status === 'temporarily-closed' ? `因场地改造，${r.int(1, 12)}月${r.int(1, 28)}日起暂停服务，恢复时间另行通知。` : undefined,
    providerKey: r.chance(0.7) ? `sub-${subdistrictCode(d, si)}` : `district-${d.code}`,
    audiences: r.sample(station ? ['outdoor', 'gig-worker', 'everyone'] : audienceValues, r.int(1, 3)),
    summary: `${name}面向${r.pick(GROUPS)}提供${r.pick(['免费咨询', '上门服务', '线上预约', '集中受理', '一站式服务'])}。${r.pick(['服务内容包括', '可以办理'])}${r.sample(station ? AMENITY_WORDS : ISSUES, 3).join('、')}等。${r.pick(['节假日另行安排。', '请提前电话确认。', '会员凭会员卡优先。', ''])}`,
    eligibility: r.pick([
      `${d.name}在职工会会员及其直系亲属`,
      `在${CITY.name}工作的${r.pick(GROUPS)}`,
      '所有职工，无需会员身份',
      `${d.name}建档困难职工`,
    ]),
    howToApply: r.sample(
      [
        '电话预约',
        '携带材料到窗口登记',
        '通过“临江职工”小程序提交申请',
        '工作人员审核后短信通知',
        '按约定时间到场办理',
        '直接到站点使用，无需预约',
      ],
      station ? 1 : r.int(2, 4),
    ),
    documents: station
      ? []
      : r.sample(['身份证', '工会会员卡', '劳动合同', '工资流水', '医疗费用票据', '录取通知书', '困难职工证明'], r.int(0, 3)),
    cost: r.weighted([
      [{ kind: 'free' as const }, 8],
      [{ kind: 'member-discount' as const, note: `会员凭会员码享${r.int(5, 9)}折` }, 2],
    ] as const),
    phones: [
      {
        number: landline(r),
        label: r.pick(['服务窗口', '咨询电话', '站点电话']),
        hours: r.pick(['工作日 8:30-17:00', '每天 9:00-18:00', '24 小时']),
        kind: 'voice' as const,
        hotline: false,
      },
      ...(r.chance(0.3) ? [{ number: '12351', label: '职工服务热线', hours: '24 小时', kind: 'voice' as const, hotline: true }] : []),
    ],
    locations: Array.from({ length: r.chance(0.2) ? 2 : 1 }, () => ({
      name: station ? `${s}驿站` : undefined,
      address,
      districtCode: d.code,
      coordinates: coordinatesIn(r),
      openingHours: hoursFor(r, station),
      amenities: station ? r.sample(amenityValues, r.int(3, 7)) : undefined,
    })),
    serviceAreaCodes: [d.code],
    lastVerified: `${r.int(2023, 2025)}-${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`,
    draft: r.chance(0.01),
  }
}

const levelBodies: Record<string, string> = {
  'national-model': '中华全国总工会',
  'national-small': '中华全国总工会',
  'provincial-model': '浙江省总工会',
  'provincial-small': '浙江省总工会',
  'city-model': `${CITY.name}总工会`,
  'city-advanced': `${CITY.name}总工会`,
  'city-small': `${CITY.name}总工会`,
}
type HomeAwardLevel = (typeof homeAwardLevels)[number]['value']
/** How common each level is: every level the content model has must be weighted (a new one fails typecheck here). */
const homeLevelWeights: Record<HomeAwardLevel, number> = {
  'national-model': 1,
  'national-small': 1,
  'provincial-model': 3,
  'provincial-small': 3,
  'city-model': 8,
  'city-advanced': 5,
  'city-small': 6,
  'district-model': 8,
  'district-advanced': 5,
  'district-small': 6,
}
const homeLevels = homeAwardLevels.map((l) => [l.value, homeLevelWeights[l.value]] as const)
const facilityValues = homeFacilities.map((f) => f.value)

const shortParagraphs = (r: Random, f: Facts, count: number): Block[] => {
  const pool = r.sample(middles, middles.length)
  return Array.from({ length: count }, () => paragraph(f, pool.shift()!, pool, r.int(90, 200), 400))
}

export const benchWorkersHome = (seed: string, i: number, images: number) => {
  const r = new Random(`${seed}:home:${i}`)
  const f = facts(r)
  const d = f.district ?? r.pick(DISTRICTS)
  const si = f.subdistrictIndex ?? r.int(0, d.subdistricts.length - 1)
  const awardLevel = r.weighted(homeLevels)
  const name = r.pick([
    `${f.company}工会职工之家`,
    `${d.subdistricts[si]}${r.pick(STREETS)}社区职工之家`,
    `${f.company}${r.pick(['一车间', '二车间', '检修班', '运行部', '调度中心', '护理部'])}职工小家`,
  ])
  return {
    name,
    organizationKey: `sub-${subdistrictCode(d, si)}`,
    awardLevel,
    yearAwarded: r.int(2008, LAST_YEAR),
    awardingBody: levelBodies[awardLevel] ?? `${d.name}总工会`,
    regionCode: subdistrictCode(d, si),
    address: `${CITY.name}${d.name}${r.pick(STREETS)}${r.int(1, 599)}号`,
    coordinates: coordinatesIn(r),
    facilities: r.sample(facilityValues, r.int(2, 6)),
    memberCount: r.int(40, 5000),
    enterpriseCount: r.chance(0.4) ? r.int(2, 120) : undefined,
    description: shortParagraphs(r, f, r.int(2, 4)),
    photo: images > 0 && r.chance(0.7) ? r.int(0, images - 1) : undefined,
    phone: landline(r),
    openingHours: hoursFor(r, false),
    draft: r.chance(0.01),
  }
}

const honorLevelFor = (title: string) =>
  title.startsWith('全国') || title === '大国工匠'
    ? 'national'
    : title.startsWith('省')
      ? 'provincial'
      : title.startsWith('市')
        ? 'city'
        : 'industry'

export const benchLaborModel = (seed: string, i: number, images: number, articleIds: number) => {
  const r = new Random(`${seed}:model:${i}`)
  const f = facts(r)
  const d = f.district ?? r.pick(DISTRICTS)
  const individual = r.chance(0.85)
  const honors = r.sample(honorTitles, r.int(1, 3)).map((title) => {
    const level = honorLevelFor(title)
    return {
      title,
      level,
      year: r.int(2005, LAST_YEAR),
      awardingBody: level === 'national' ? '中华全国总工会' : level === 'provincial' ? '浙江省总工会' : `${CITY.name}总工会`,
    }
  })
  return {
    kind: individual ? ('individual' as const) : ('collective' as const),
    name: individual
      ? personName(r)
      : `${f.company}${r.pick(['检修班', '桥吊班组', '急诊科护理团队', '质检中心', '研发团队', '运行值班组'])}`,
    employer: f.company,
    jobTitle: individual ? r.pick(JOB_TITLES) : undefined,
    industry: r.pick(INDUSTRIES),
    regionCode: d.code,
    honors,
    studio: r.chance(0.3)
      ? { name: `${f.person}${r.pick(STUDIO_FIELDS)}劳模创新工作室`, description: `工作室现有成员${r.int(5, 40)}人，${r.pick(DEEDS)}。` }
      : undefined,
    biography: shortParagraphs(r, f, r.int(3, 6)),
    photo: images > 0 && r.chance(0.7) ? r.int(0, images - 1) : undefined,
    relatedArticles: articleIds > 0 ? Array.from({ length: r.int(0, 3) }, () => r.int(0, articleIds - 1)) : [],
    draft: r.chance(0.01),
  }
}

/** A word that appears in many documents, for the first search query. */
export const SEARCH_WORD = '职工书屋'
