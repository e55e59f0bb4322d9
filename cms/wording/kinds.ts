/** The two kinds of wording rule staff keep. */
export const ruleKinds = [
  { value: 'wrong', label: '错误写法 → 正确写法' },
  { value: 'avoid', label: '避免使用 → 建议用语' },
] as const
export type RuleKind = (typeof ruleKinds)[number]['value']

/** What a rule is about: lets staff sort the list; the check treats every topic alike. */
export const ruleTopics = [
  { value: 'phrase', label: '成语与固定搭配' },
  { value: 'name', label: '机构名称与荣誉称号' },
  { value: 'date-number', label: '日期与数字' },
  { value: 'other', label: '其他' },
] as const
export type RuleTopic = (typeof ruleTopics)[number]['value']
