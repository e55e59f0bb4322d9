import type { SampleCategory } from '../types'

/** News sections, in the order they appear in the site navigation. */
export const categories: SampleCategory[] = [
  {
    slug: 'union-news',
    name: '工会要闻',
    description: '市、区（县）总工会的重要会议、重点工作和重大活动报道。',
    order: 1,
  },
  {
    slug: 'grassroots',
    name: '基层动态',
    description: '街道、园区、楼宇、行业和企业工会开展工作的新做法、新变化。',
    order: 2,
  },
  {
    slug: 'model-workers',
    name: '劳模风采',
    description: '劳动模范、先进集体和劳模创新工作室的事迹与成果。',
    order: 3,
  },
  {
    slug: 'rights',
    name: '维权服务',
    description: '欠薪援助、劳动争议、集体协商等职工权益维护的案例和提示。',
    order: 4,
  },
  {
    slug: 'member-perks',
    name: '普惠服务',
    description: '工会会员可以享受的观影、健身、医疗互助、景区优惠等普惠福利。',
    order: 5,
  },
  {
    slug: 'notices',
    name: '通知公告',
    description: '工会发布的申报、参保、评选等工作通知和公示。',
    order: 6,
  },
  {
    slug: 'culture',
    name: '职工文化',
    description: '职工书屋、文艺比赛、读书活动等职工文化生活。',
    order: 7,
  },
]
