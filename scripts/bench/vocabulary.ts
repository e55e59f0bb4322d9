/**
 * Word lists for the synthetic benchmark corpus, written for this project. The city 临江市,
 * its districts, streets, companies and people are invented; only the national hotline
 * 12351 is real. The corpus is for measuring, never for showing, but it should read like
 * union news so that Pagefind segments and indexes it as it would the real thing.
 */

export interface BenchDistrict {
  code: string
  name: string
  short: string
  subdistricts: string[]
}

/** 临江市 (339800) and its districts; codes 3398xx are not real divisions. */
export const CITY = { code: '339800', name: '临江市', short: '临江' }
export const PROVINCE = { code: '330000', name: '浙江省' }

export const DISTRICTS: BenchDistrict[] = [
  { code: '339801', name: '澄湖区', short: '澄湖', subdistricts: ['湖心街道', '望江街道', '鹤鸣街道', '柳营镇'] },
  { code: '339802', name: '北塘区', short: '北塘', subdistricts: ['塘桥街道', '新民街道', '北郊街道', '石埠镇'] },
  { code: '339803', name: '南屏区', short: '南屏', subdistricts: ['屏山街道', '文昌街道', '云栖街道'] },
  { code: '339804', name: '柳溪区', short: '柳溪', subdistricts: ['溪口街道', '枫林街道', '杏坛街道', '下洋镇'] },
  { code: '339805', name: '临港新区', short: '临港', subdistricts: ['港湾街道', '海晏街道', '东滩街道'] },
  { code: '339806', name: '白沙洲区', short: '白沙洲', subdistricts: ['沙洲街道', '芦荡街道', '渔埠镇'] },
  { code: '339821', name: '桐岭县', short: '桐岭', subdistricts: ['桐城街道', '竹溪镇', '岭下镇', '茶坞乡'] },
  { code: '339822', name: '梅川县', short: '梅川', subdistricts: ['梅城街道', '川口镇', '古渡镇'] },
]

export const STREETS = [
  '望江路', '鹤鸣路', '塘桥路', '新民大道', '屏山路', '文昌路', '云栖路', '溪口大街', '枫林路', '杏坛路', '港湾大道', '海晏路',
  '东滩路', '沙洲路', '芦荡路', '桐城大道', '竹溪路', '梅城路', '川口街', '古渡路', '湖心大道', '柳营路', '石埠路', '北郊路',
  '渔埠路', '茶坞路', '岭下街', '下洋路', '环城北路', '环城南路', '滨江大道', '解放路', '建设路', '人民路', '工人路', '劳动路',
  '青年路', '和平街', '兴业路', '创新大道', '科技路', '物流大道', '纺织路', '机电路', '聚贤路', '迎宾大道', '锦绣路', '长乐街',
]

export const COMPANIES = [
  '临江港务集团', '华科电子', '澄湖纺织印染公司', '北塘重型机械厂', '临江地铁运营公司', '桐岭茶业合作社', '市第一人民医院',
  '南屏物流园', '梅川水泥公司', '临江公交集团', '柳溪食品公司', '临港石化公司', '白沙洲造船厂', '临江电力检修公司',
  '临江燃气集团', '鸿运快递临江分公司', '临江自来水公司', '北塘汽车零部件公司', '临江精密模具公司', '临江环卫集团',
  '澄湖建设集团', '南屏服装公司', '桐岭竹木制品厂', '临江数智科技公司', '临江钢构公司', '梅川陶瓷公司', '临江冷链物流公司',
  '柳溪新材料公司', '临港船舶修造公司', '临江市妇幼保健院', '临江机场服务公司', '北塘纸业公司', '临江轨道交通建设公司',
  '临江文旅集团', '澄湖酒店管理公司', '临江家政服务中心', '南屏电子商务产业园', '临江城投集团', '桐岭光伏公司', '梅川农机厂',
]

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '潘', '袁', '蔡', '蒋', '余',
  '叶', '杜', '程', '魏', '苏', '吕', '丁', '沈', '任', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖',
]
export const GIVEN = [
  '建华', '国强', '海峰', '晓东', '立新', '卫东', '丽娟', '秀英', '志刚', '春梅', '红霞', '德明', '永康', '玉兰', '建军',
  '文斌', '亚军', '雪梅', '振华', '明亮', '桂芳', '小燕', '海燕', '金宝', '勇', '静', '敏', '磊', '涛', '强', '军', '杰',
  '婷', '芳', '霞', '鹏', '斌', '超', '丹', '洋', '昊然', '思远', '子涵', '欣怡', '宇航', '梓萱', '浩宇', '佳怡', '俊杰',
  '瑞琪', '晨阳', '雨桐', '文杰', '嘉豪', '伟', '艳', '红', '平', '华', '林', '燕', '建平', '国庆', '跃进', '建国',
]

/** Groups of workers the news is about. */
export const GROUPS = [
  '一线职工', '困难职工', '农民工', '快递小哥', '外卖骑手', '货车司机', '环卫工人', '女职工', '劳动模范', '青年职工',
  '新就业形态劳动者', '退休职工', '医护人员', '教师', '建筑工人', '网约车司机', '家政服务员', '技术工人', '产业工人', '公交司机',
]

/** Union activities, each with the section it is usually filed under and a tag. */
export interface Activity {
  name: string
  category: string
  tag: string
}
export const ACTIVITIES: Activity[] = [
  { name: '“两节”送温暖活动', category: 'union-news', tag: '送温暖' },
  { name: '金秋助学活动', category: 'member-perks', tag: '助学' },
  { name: '夏送清凉活动', category: 'grassroots', tag: '夏送清凉' },
  { name: '职工职业技能大赛', category: 'model-workers', tag: '技能竞赛' },
  { name: '劳动和技能竞赛', category: 'model-workers', tag: '劳动竞赛' },
  { name: '工资集体协商要约行动', category: 'rights', tag: '集体协商' },
  { name: '法律援助进企业活动', category: 'rights', tag: '法律援助' },
  { name: '职工书屋读书月活动', category: 'culture', tag: '职工书屋' },
  { name: '劳模工匠进校园活动', category: 'model-workers', tag: '劳模工匠' },
  { name: '职工健康体检', category: 'member-perks', tag: '职工健康' },
  { name: '女职工权益保护宣传周', category: 'rights', tag: '女职工' },
  { name: '“安康杯”安全生产竞赛', category: 'grassroots', tag: '安全生产' },
  { name: '新就业形态劳动者集中入会行动', category: 'union-news', tag: '建会入会' },
  { name: '户外劳动者服务站点建设', category: 'grassroots', tag: '驿站' },
  { name: '会员普惠服务月', category: 'member-perks', tag: '普惠服务' },
  { name: '劳模疗休养', category: 'model-workers', tag: '疗休养' },
  { name: '职工心理健康关爱讲座', category: 'member-perks', tag: '心理关爱' },
  { name: '职工运动会', category: 'culture', tag: '职工文体' },
  { name: '青年职工交友联谊会', category: 'culture', tag: '婚恋交友' },
  { name: '暑期职工子女托管班', category: 'member-perks', tag: '子女托管' },
  { name: '根治欠薪专项行动', category: 'rights', tag: '欠薪' },
  { name: '困难职工帮扶工作', category: 'union-news', tag: '困难帮扶' },
  { name: '职工医疗互助保障活动', category: 'member-perks', tag: '医疗互助' },
  { name: '工匠学院技能培训', category: 'model-workers', tag: '技能培训' },
  { name: '五一劳动奖评选', category: 'notices', tag: '五一劳动奖' },
  { name: '基层工会规范化建设', category: 'grassroots', tag: '基层建设' },
  { name: '劳模创新工作室创建', category: 'model-workers', tag: '创新工作室' },
  { name: '职工合理化建议征集', category: 'grassroots', tag: '合理化建议' },
  { name: '职工文艺汇演', category: 'culture', tag: '职工文化' },
  { name: '“中国梦·劳动美”主题宣讲', category: 'union-news', tag: '主题宣讲' },
  { name: '就业援助月招聘会', category: 'member-perks', tag: '就业服务' },
  { name: '职工互助保障参保工作', category: 'notices', tag: '互助保障' },
  { name: '厂务公开民主管理检查', category: 'rights', tag: '民主管理' },
  { name: '职工之家建设', category: 'grassroots', tag: '职工之家' },
]

export const OPENING_VERBS = ['启动', '开展', '举办', '部署', '推进', '召开', '举行', '组织', '深化', '全面铺开']
export const VENUES = ['职工服务中心', '工人文化宫', '劳模创新工作室', '职工书屋', '企业生产车间', '社区党群服务中心', '工业园区', '港区作业现场', '建筑工地', '户外劳动者驿站', '职工之家', '大会堂', '工会干部学校', '体育中心']
export const ROLES = ['工会主席', '工会副主席', '工会干部', '车间主任', '班组长', '质检员', '焊工', '电工', '调度员', '护士长', '驾驶员', '装卸工', '快递员', '技术员', '总工程师', '人事经理']
export const RESULTS = ['取得明显成效', '覆盖全部基层单位', '惠及更多职工', '形成长效机制', '走深走实', '提质扩面', '落到实处', '见到实效']
export const MEASURES = [
  '建立工会干部联系基层制度', '完善困难职工档案动态管理', '开通职工诉求“绿色通道”', '推行“互联网+”普惠服务', '设立专项帮扶资金',
  '组建劳模志愿服务队', '把服务窗口前移到园区和楼宇', '开展“送法进企业”巡回讲座', '推动企业落实带薪休假制度', '举办技能提升夜校',
  '打造“十五分钟职工服务圈”', '实行工会会员实名制管理', '建立劳动关系风险监测点', '推广“站点建会、区域兜底”做法', '完善职工意见征集和反馈机制',
]
export const QUOTES = [
  '以前遇到问题不知道找谁，现在一个电话工会就上门了', '比赛让我看到了自己的差距，回去还要接着练', '工会帮我们争取到了高温津贴，心里暖暖的',
  '孩子暑假有地方去了，我们上班也安心', '驿站里能喝上热水、充上电，跑单再累也有个歇脚的地方', '这笔助学金解了我家的燃眉之急',
  '技术是干出来的，也是教出来的，要把手艺传给年轻人', '协商会上大家把话说开了，工资涨了，干劲也足了', '读书让我在流水线之外看到了更大的世界',
  '体检查出了早期问题，幸亏发现得早', '工会就是我们职工的娘家人', '入会只要一分钟，服务要跟上一整年', '每一颗螺丝都要拧到位，这是我的习惯',
]
export const HEADINGS = [
  '多措并举保障职工权益', '把服务送到职工身边', '精准帮扶不落一人', '以赛促学提升技能', '创新方式扩大覆盖', '建立长效机制',
  '资金发放公开透明', '劳模引领示范带动', '延伸服务触角', '数字赋能提升效率', '聚焦急难愁盼', '下一步工作安排',
  '一线职工有了“加油站”', '协商成果惠及全员', '从“有没有”到“好不好”', '群众满意是标准',
]
export const NOTICE_TOPICS = [
  '申报年度劳模创新工作室', '开展职工医疗互助保障参保', '评选年度优秀职工书屋', '推荐五一劳动奖章候选人', '申报困难职工帮扶资金',
  '举办工会财务人员培训班', '征集职工合理化建议', '组织职工疗休养', '开展基层工会经费审查', '推荐省级模范职工之家',
]

/** Facilities and equipment words for service and home descriptions. */
export const AMENITY_WORDS = ['饮水机', '微波炉', '充电柜', '急救药箱', '休息座椅', '空调', '图书角', '冷热饮水', '应急雨具', '针线包', '老花镜', '无线网络']
export const INDUSTRIES = ['港口物流', '装备制造', '纺织服装', '电子信息', '建筑施工', '交通运输', '医疗卫生', '教育', '能源电力', '石油化工', '食品加工', '快递配送', '城市环卫', '农业', '金融服务']
export const JOB_TITLES = ['高级技师', '班组长', '首席技师', '主任医师', '特级教师', '车间主任', '总工程师', '桥吊司机', '快递员', '环卫班长', '电力巡线工', '数控车工', '焊接技师', '公交驾驶员', '茶艺师']
export const STUDIO_FIELDS = ['数控加工', '焊接工艺', '电力检修', '港机维修', '智能制造', '护理技术', '节能降耗', '安全生产', '精密模具', '船舶涂装']
