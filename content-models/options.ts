/**
 * Controlled vocabularies shared by the CMS (select options) and the site (labels, filters).
 * Values are stable ASCII keys because they end up in URLs, filters and the open-data export;
 * labels are what staff and workers read.
 */
export type Option<V extends string = string> = { readonly value: V; readonly label: string }

const options = <V extends string>(list: readonly Option<V>[]) => list

export const roles = options([
  { value: 'admin', label: '管理员' },
  { value: 'reviewer', label: '审核' },
  { value: 'editor', label: '编辑' },
] as const)
export type Role = (typeof roles)[number]['value']

export const homeAwardLevels = options([
  { value: 'national-model', label: '全国模范职工之家' },
  { value: 'national-small', label: '全国模范职工小家' },
  { value: 'provincial-model', label: '省级模范职工之家' },
  { value: 'provincial-small', label: '省级模范职工小家' },
  { value: 'city-model', label: '市级模范职工之家' },
  { value: 'city-advanced', label: '市级先进职工之家' },
  { value: 'city-small', label: '市级模范职工小家' },
  { value: 'district-model', label: '区级模范职工之家' },
  { value: 'district-advanced', label: '区级先进职工之家' },
  { value: 'district-small', label: '区级模范职工小家' },
] as const)

export const homeFacilities = options([
  { value: 'book-house', label: '职工书屋' },
  { value: 'mother-room', label: '爱心妈咪小屋' },
  { value: 'women-lounge', label: '女职工休息室' },
  { value: 'counselling', label: '心理咨询室' },
  { value: 'gym', label: '健身室' },
  { value: 'innovation-studio', label: '创新工作室' },
  { value: 'canteen', label: '职工食堂' },
  { value: 'activity-room', label: '文体活动室' },
  { value: 'legal-desk', label: '法律服务窗口' },
  { value: 'rest-station', label: '户外劳动者驿站' },
] as const)

export const honorLevels = options([
  { value: 'national', label: '全国' },
  { value: 'provincial', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'district', label: '区级' },
  { value: 'industry', label: '行业' },
] as const)

/** Honor titles staff pick most often; free text is still allowed for rarer ones. */
export const honorTitles = [
  '全国劳动模范',
  '全国先进工作者',
  '全国五一劳动奖章',
  '全国五一劳动奖状',
  '全国工人先锋号',
  '省劳动模范',
  '省五一劳动奖章',
  '省工人先锋号',
  '市劳动模范',
  '市五一劳动奖章',
  '市工人先锋号',
  '劳模创新工作室',
  '大国工匠',
] as const

export const laborModelKinds = options([
  { value: 'individual', label: '个人' },
  { value: 'collective', label: '集体' },
] as const)

export const serviceCategories = options([
  { value: 'legal-aid', label: '法律援助' },
  { value: 'hardship-aid', label: '困难帮扶' },
  { value: 'employment', label: '就业创业' },
  { value: 'medical-mutual-aid', label: '医疗互助' },
  { value: 'education-aid', label: '助学' },
  { value: 'skills-training', label: '技能培训' },
  { value: 'counselling', label: '心理咨询' },
  { value: 'rest-station', label: '户外劳动者驿站' },
  { value: 'book-house', label: '职工书屋' },
  { value: 'member-perks', label: '普惠福利' },
  { value: 'matchmaking', label: '婚恋交友' },
  { value: 'childcare', label: '子女托管' },
  { value: 'hotline', label: '热线' },
] as const)
export type ServiceCategory = (typeof serviceCategories)[number]['value']

export const audiences = options([
  { value: 'member', label: '会员' },
  { value: 'migrant-worker', label: '农民工' },
  { value: 'gig-worker', label: '新就业形态劳动者' },
  { value: 'hardship', label: '困难职工' },
  { value: 'women', label: '女职工' },
  { value: 'outdoor', label: '户外劳动者' },
  { value: 'model-worker', label: '劳动模范' },
  { value: 'young', label: '青年职工' },
  { value: 'retired', label: '退休职工' },
  { value: 'everyone', label: '所有职工' },
] as const)

export const serviceStatuses = options([
  { value: 'active', label: '正常服务' },
  { value: 'temporarily-closed', label: '暂停服务' },
  { value: 'ended', label: '已停止' },
] as const)

export const costKinds = options([
  { value: 'free', label: '免费' },
  { value: 'member-discount', label: '会员优惠' },
  { value: 'fee', label: '收费' },
] as const)

export const phoneKinds = options([
  { value: 'voice', label: '电话' },
  { value: 'sms', label: '短信' },
] as const)

/** Amenities a rest station advertises; the set matches the signs outdoor workers look for. */
export const amenities = options([
  { value: 'water', label: '饮用水' },
  { value: 'hot-meals', label: '热饭' },
  { value: 'charging', label: '充电' },
  { value: 'toilet', label: '卫生间' },
  { value: 'first-aid', label: '急救药箱' },
  { value: 'mother-baby', label: '母婴室' },
  { value: 'rest-seats', label: '休息座椅' },
  { value: 'aircon', label: '空调' },
  { value: 'microwave', label: '微波炉' },
  { value: 'wifi', label: '无线网络' },
] as const)

export const weekdays = options([
  { value: 'mon', label: '周一' },
  { value: 'tue', label: '周二' },
  { value: 'wed', label: '周三' },
  { value: 'thu', label: '周四' },
  { value: 'fri', label: '周五' },
  { value: 'sat', label: '周六' },
  { value: 'sun', label: '周日' },
] as const)

export const organizationKinds = options([
  { value: 'federation', label: '总工会' },
  { value: 'industry', label: '产业工会' },
  { value: 'subdistrict', label: '街道总工会' },
  { value: 'community', label: '社区工会' },
  { value: 'enterprise', label: '企业工会' },
  { value: 'building', label: '楼宇工会联合会' },
  { value: 'park', label: '园区工会联合会' },
  { value: 'trade', label: '行业联合工会' },
] as const)

export const regionLevels = options([
  { value: 'province', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'district', label: '区县级' },
  { value: 'subdistrict', label: '街道乡镇' },
] as const)

export const reviewStates = options([
  { value: 'writing', label: '撰写中' },
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '退回修改' },
  { value: 'approved', label: '已通过' },
] as const)
export type ReviewState = (typeof reviewStates)[number]['value']

export const scriptKinds = options([
  { value: 'simplified', label: '简体' },
  { value: 'traditional', label: '繁体' },
] as const)

/** Look up the Chinese label of a stored value, falling back to the value itself. */
export const labelOf = (list: readonly Option[], value: string | null | undefined): string =>
  list.find((o) => o.value === value)?.label ?? value ?? ''
