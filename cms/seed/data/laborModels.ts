import type { SampleLaborModel } from '../types'

/**
 * Labour models and advanced collectives. Every person, team and employer here is fictional;
 * honour titles follow the common forms listed in options.ts (honorTitles).
 * 全国劳动模范 / 全国先进工作者 are conferred by 中共中央、国务院, provincial and city labour models
 * by the people's governments, medals and pioneer titles by the trade unions.
 */
export const laborModels: SampleLaborModel[] = [
  {
    key: 'lm-zhou-jianguo',
    kind: 'individual',
    name: '周建国',
    employer: '江南海澄船舶修造有限公司',
    jobTitle: '焊接高级技师',
    industry: '船舶制造',
    regionCode: '339902',
    honors: [
      { title: '全国五一劳动奖章', level: 'national', year: 2021, awardingBody: '中华全国总工会' },
      { title: '省劳动模范', level: 'provincial', year: 2020, awardingBody: '浙江省人民政府' },
      { title: '市五一劳动奖章', level: 'city', year: 2016, awardingBody: '江南市总工会' },
    ],
    studio: {
      name: '周建国劳模创新工作室',
      description:
        '工作室成立于2017年，现有成员9人，主要开展船舶薄板焊接、特种材料焊接工艺攻关和青年焊工培养，累计完成技术革新项目40余项。',
    },
    biography: [
      '周建国1995年从技校毕业后进入船厂，从学徒焊工干起，先后掌握了十余种焊接方法，是厂里公认的“焊接多面手”。',
      '他带领团队攻克了薄板焊接变形、不锈钢管路全位置焊接等多项难题，总结的操作法在公司全面推广。他还坚持带徒弟，先后培养出高级技师4名、技师15名。',
      '“焊缝就是船的筋骨，一道都不能马虎。”这是周建国常对徒弟说的一句话。',
    ],
    photo: {
      alt: '示意图：蓝色背景上的厂房剪影',
      caption: '周建国（示意图）',
      hue: 210,
      motif: 'factory',
    },
    relatedArticleKeys: ['a2023-mayday-conference', 'a2024-studio-zhou'],
  },
  {
    key: 'lm-zhang-wei',
    kind: 'individual',
    name: '张伟',
    employer: '江南恒远精密机械有限公司',
    jobTitle: '数控高级技师',
    industry: '装备制造',
    regionCode: '339901',
    honors: [
      { title: '全国劳动模范', level: 'national', year: 2025, awardingBody: '中共中央、国务院' },
      { title: '省五一劳动奖章', level: 'provincial', year: 2019, awardingBody: '浙江省总工会' },
      { title: '市劳动模范', level: 'city', year: 2016, awardingBody: '江南市人民政府' },
    ],
    studio: {
      name: '张伟数控技能创新工作室',
      description:
        '工作室聚焦精密零部件数控加工工艺改进和编程优化，已完成工艺改进30多项，累计培养技师、高级技师40余名，是江南市劳模和工匠人才创新工作室联盟的发起单位之一。',
    },
    biography: [
      '张伟从事数控加工二十余年，是恒远精密机械公司第一批数控操作工。他带领团队完成关键零部件加工工艺改进30多项，使一批零件的加工精度和效率明显提升。',
      '工作之余，他坚持给青年职工上技能课，把自己多年积累的加工经验整理成操作手册，在公司内部免费共享。',
      '2025年，张伟获评全国劳动模范。2026年，他出任江南市劳模和工匠人才创新工作室联盟首任理事长。',
    ],
    photo: {
      alt: '示意图：橙色背景上的厂房剪影',
      caption: '张伟（示意图）',
      hue: 30,
      motif: 'factory',
    },
    relatedArticleKeys: ['a2025-national-models', 'a2025-national-home', 'a2026-studio-alliance'],
  },
  {
    key: 'lm-liu-fang',
    kind: 'individual',
    name: '刘芳',
    employer: '青湖区中心医院',
    jobTitle: '急诊科护士长',
    industry: '医疗卫生',
    regionCode: '339901',
    honors: [
      { title: '全国先进工作者', level: 'national', year: 2025, awardingBody: '中共中央、国务院' },
      { title: '省五一劳动奖章', level: 'provincial', year: 2021, awardingBody: '浙江省总工会' },
    ],
    studio: {
      name: '刘芳急救护理创新工作室',
      description:
        '工作室围绕急诊预检分诊、院前院内衔接和社区急救培训开展改进，每年在企业和社区开展急救知识培训30余场。',
    },
    biography: [
      '刘芳在急诊科护理岗位工作了22年。她推动建立的急诊预检分诊流程，把危重患者的平均等候时间缩短了一半。',
      '她常年带领护理组走进企业、社区和学校，讲授心肺复苏和创伤止血等急救知识，累计培训群众两万多人次。',
    ],
    photo: {
      alt: '示意图：粉红色背景上的爱心图案',
      caption: '刘芳（示意图）',
      hue: 350,
      motif: 'heart',
    },
    relatedArticleKeys: ['a2025-national-models'],
  },
  {
    key: 'lm-huang-ming',
    kind: 'individual',
    name: '黄明',
    employer: '江南港东港集装箱码头有限公司',
    jobTitle: '桥吊司机',
    industry: '港口运输',
    regionCode: '339902',
    honors: [
      { title: '省劳动模范', level: 'provincial', year: 2020, awardingBody: '浙江省人民政府' },
      { title: '市五一劳动奖章', level: 'city', year: 2017, awardingBody: '江南市总工会' },
    ],
    studio: {
      name: '黄明桥吊操作创新工作室',
      description:
        '工作室总结推广桥吊精准操作方法，开展装卸流程优化和新司机带教，帮助码头提升集装箱装卸效率。',
    },
    biography: [
      '黄明在几十米高的桥吊驾驶室里工作了十八年，练就了“一钩准”的本领。他总结的桥吊操作法在码头推广后，单机作业效率明显提升。',
      '他喜欢摄影，常在夜班休息时拍下码头的灯光和船影。2025年，他的作品《凌晨的码头》在全市职工摄影展中获得一等奖。',
    ],
    photo: {
      alt: '示意图：青色背景上延伸向远处的道路',
      caption: '黄明（示意图）',
      hue: 185,
      motif: 'road',
    },
    relatedArticleKeys: ['a2025-mayday-photo'],
  },
  {
    key: 'lm-chen-xiuying',
    kind: 'individual',
    name: '陈秀英',
    employer: '江南茗山茶业有限公司',
    jobTitle: '制茶技师',
    industry: '茶叶加工',
    regionCode: '339921',
    honors: [
      { title: '省五一劳动奖章', level: 'provincial', year: 2022, awardingBody: '浙江省总工会' },
      { title: '市劳动模范', level: 'city', year: 2019, awardingBody: '江南市人民政府' },
    ],
    studio: {
      name: '陈秀英制茶技艺创新工作室',
      description:
        '工作室开展手工炒茶技艺传承和机制茶工艺改进，每年春茶开采前组织炒茶技艺培训，已带出制茶能手30多名。',
    },
    biography: [
      '陈秀英出生在云溪山区的茶农家庭，十几岁就跟着父亲学炒茶。进入茗山茶业后，她把手工炒茶的经验和机械加工结合起来，改进了杀青和理条工序。',
      '她牵头的工作室每年为周边茶农和企业职工开展培训，帮助不少留守妇女学会了制茶手艺，在家门口找到了工作。',
    ],
    photo: {
      alt: '示意图：绿色背景上的人物剪影',
      caption: '陈秀英（示意图）',
      hue: 100,
      motif: 'people',
    },
  },
  {
    key: 'lm-wang-hai',
    kind: 'individual',
    name: '王海',
    employer: '江南迅达快递有限公司青湖营业部',
    jobTitle: '快递员',
    industry: '快递物流',
    regionCode: '339901',
    honors: [
      { title: '市五一劳动奖章', level: 'city', year: 2022, awardingBody: '江南市总工会' },
      { title: '江南市十佳快递员', level: 'industry', year: 2024, awardingBody: '江南市快递行业协会' },
    ],
    biography: [
      '王海2013年从外地来到江南，在青湖区送了十多年快递。他负责的片区有不少老旧小区和独居老人，他总是把快递送上楼，顺手帮老人带走垃圾。',
      '他所在片区的投诉率连续多年为零。2023年青湖区快递物流行业联合工会成立时，他第一批入会，现在是营业部工会小组组长。',
    ],
    photo: {
      alt: '示意图：橙黄色背景上的人物剪影',
      caption: '王海（示意图）',
      hue: 40,
      motif: 'people',
    },
    relatedArticleKeys: ['a2022-mayday-honors', 'a2023-rider-union'],
  },
  {
    key: 'lm-li-guoqiang',
    kind: 'individual',
    name: '李国强',
    employer: '青湖区环境卫生管理中心',
    jobTitle: '环卫作业班班长',
    industry: '环境卫生',
    regionCode: '339901',
    honors: [
      { title: '市劳动模范', level: 'city', year: 2024, awardingBody: '江南市人民政府' },
      { title: '区优秀环卫工人', level: 'district', year: 2019, awardingBody: '青湖区人民政府' },
    ],
    biography: [
      '李国强在环卫岗位工作了二十六年，现在带着一个28人的作业班，负责湖滨街道主要道路的清扫保洁。',
      '他琢磨出“分段包干、错峰清扫”的作业办法，让班组在不增加人手的情况下避开了早晚高峰，减少了作业中的交通安全隐患。',
      '他还主动联系沿街商铺，把几家店面发展成户外劳动者驿站，让班组成员和快递员都有了歇脚喝水的地方。',
    ],
  },
  {
    key: 'lm-sun-li',
    kind: 'individual',
    name: '孙丽',
    employer: '云溪县公共交通有限公司',
    jobTitle: '公交驾驶员',
    industry: '城市公共交通',
    regionCode: '339921',
    honors: [{ title: '市五一劳动奖章', level: 'city', year: 2023, awardingBody: '江南市总工会' }],
    biography: [
      '孙丽驾驶县城通往竹岭镇的山区公交线路已有十二年，安全行驶六十多万公里，没有发生过一起责任事故。',
      '这条线路上学生和老人多，她总结了一套“进站慢、起步稳、转弯缓”的驾驶方法，并坚持在每趟车上帮助行动不便的乘客上下车。',
    ],
    draft: true,
  },
  {
    key: 'lm-team-welding',
    kind: 'collective',
    name: '江南海澄船舶修造有限公司焊接一班',
    employer: '江南海澄船舶修造有限公司',
    industry: '船舶制造',
    regionCode: '339902',
    honors: [
      { title: '省工人先锋号', level: 'provincial', year: 2024, awardingBody: '浙江省总工会' },
      { title: '市工人先锋号', level: 'city', year: 2022, awardingBody: '江南市总工会' },
    ],
    biography: [
      '焊接一班现有职工26人，平均年龄34岁，承担船舶分段和上层建筑的焊接任务，焊缝一次合格率多年保持在99%以上。',
      '班组实行“师带徒、老带新”，班里的年轻焊工在市级职工技能大赛中多次获奖，2022年吴志强获得全市焊工决赛一等奖。',
    ],
    photo: {
      alt: '示意图：橙红色背景上的厂房剪影',
      caption: '焊接一班（示意图）',
      hue: 15,
      motif: 'factory',
    },
    relatedArticleKeys: ['a2022-mayday-honors', 'a2022-welding-contest'],
  },
  {
    key: 'lm-team-er-nurses',
    kind: 'collective',
    name: '青湖区中心医院急诊科护理组',
    employer: '青湖区中心医院',
    industry: '医疗卫生',
    regionCode: '339901',
    honors: [
      { title: '全国工人先锋号', level: 'national', year: 2024, awardingBody: '中华全国总工会' },
      { title: '市工人先锋号', level: 'city', year: 2021, awardingBody: '江南市总工会' },
    ],
    biography: [
      '急诊科护理组有护士42名，承担全院急诊分诊、抢救和留观护理任务，年接诊量超过12万人次。',
      '护理组在护士长刘芳带领下优化预检分诊流程，并组建急救培训志愿队，常年到企业、学校和社区开展急救知识普及。',
    ],
  },
  {
    key: 'lm-team-bamboo',
    kind: 'collective',
    name: '江南绿源竹业科技有限公司研发中心',
    employer: '江南绿源竹业科技有限公司',
    industry: '竹制品加工',
    regionCode: '339921',
    honors: [
      { title: '省工人先锋号', level: 'provincial', year: 2023, awardingBody: '浙江省总工会' },
      { title: '市工人先锋号', level: 'city', year: 2020, awardingBody: '江南市总工会' },
    ],
    studio: {
      name: '绿源竹材加工技术创新工作室',
      description:
        '工作室由研发中心骨干和车间技术工人组成，主要开展竹材防霉、重组竹压制等工艺改进，并向县内竹制品企业开放技术咨询。',
    },
    biography: [
      '研发中心共有成员15人，其中一半来自生产一线。团队近年来改进了竹材防霉处理和重组竹压制工艺，产品合格率明显提高。',
      '研发中心坚持把成果向同行开放，每年为县内竹制品企业免费开展技术培训，带动了整个行业的工艺水平提升。',
    ],
  },
  {
    key: 'lm-team-sanitation',
    kind: 'collective',
    name: '港城街道环卫保洁一队',
    employer: '东港区港城街道环境卫生服务中心',
    industry: '环境卫生',
    regionCode: '339902',
    honors: [{ title: '市工人先锋号', level: 'city', year: 2023, awardingBody: '江南市总工会' }],
    biography: [
      '保洁一队负责港湾大道及周边12条道路的清扫保洁，队员大多是五十岁以上的老职工，每天凌晨四点开始作业。',
      '台风和暴雨天气时，保洁一队总是第一时间上路清理积水和倒伏树枝，多次受到街道和居民的表扬。',
    ],
    photo: {
      alt: '示意图：橙色背景上笔直的道路',
      caption: '环卫保洁一队（示意图）',
      hue: 28,
      motif: 'road',
    },
  },
]
