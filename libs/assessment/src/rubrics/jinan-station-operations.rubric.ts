import { defaultGradeBands } from '../rubric/rubric-definition';
import { PublishRubric } from '../rubric/rubric';

/**
 * A 100-point station operations rubric after the areas the Jinan standard names (济南市社会工作
 * 服务站评估标准: 4 grades, 3 levels of indicators, 37 scored items; seed 002): daily operations,
 * financial management, institution building, staff management, service delivery and output,
 * social evaluation. The item texts and points are written here, not copied from the standard.
 */
export const JINAN_STATION_OPERATIONS_RUBRIC: PublishRubric['data'] = {
  code: 'jinan-station-operations',
  version: 1,
  name: '乡镇（街道）社工站运营评估指标（百分制，参照济南六方面）',
  scale: 100,
  responseWindowDays: 14,
  gradeBands: defaultGradeBands(100),
  dimensions: [
    {
      code: 'OPS',
      name: '日常运营',
      indicators: [
        {
          code: 'OPS.SITE',
          name: '场所与设施',
          items: [
            { code: 'OPS.SITE.SPACE', name: '服务场所面积达标，个案室、活动室、办公区分区设置', maxPoints: 2, guidance: '实地查看，三类功能区齐全得满分，每缺一类扣0.5分。' },
            { code: 'OPS.SITE.EQUIPMENT', name: '标识标牌统一，办公与服务设备齐全并正常使用', maxPoints: 2, guidance: '对照配置清单查看，标识缺失或设备闲置损坏各扣0.5分。' },
          ],
        },
        {
          code: 'OPS.DUTY',
          name: '日常值守',
          items: [
            { code: 'OPS.DUTY.HOURS', name: '按约定时间开放服务，值班与考勤记录完整', maxPoints: 2, guidance: '抽查三个月考勤与值班表，发现一次无故闭站扣1分。' },
            { code: 'OPS.DUTY.LOG', name: '工作日志、月报按时完成并报送', maxPoints: 2, guidance: '核对报送记录，每迟报或漏报一期扣0.5分。' },
          ],
        },
        {
          code: 'OPS.RECORDS',
          name: '档案管理',
          items: [
            { code: 'OPS.RECORDS.FILES', name: '服务档案分类归档，做到一案一档', maxPoints: 2, guidance: '随机抽取五份个案档案，每份缺项扣0.4分。' },
            { code: 'OPS.RECORDS.PRIVACY', name: '服务对象信息保密措施落实', maxPoints: 1.5, guidance: '查看档案柜上锁与系统权限，发现信息外露不得分。' },
            { code: 'OPS.RECORDS.SYSTEM', name: '服务数据按时录入信息系统', maxPoints: 1.5, guidance: '比对台账与系统数据，录入率每低10%扣0.5分。' },
          ],
        },
        {
          code: 'OPS.PLAN',
          name: '计划管理',
          items: [
            { code: 'OPS.PLAN.ANNUAL', name: '开展辖区需求调研，据此制定年度服务计划', maxPoints: 2, guidance: '有调研报告且计划目标与需求对应得满分，只有计划得1分。' },
          ],
        },
      ],
    },
    {
      code: 'FIN',
      name: '财务管理',
      indicators: [
        {
          code: 'FIN.BUDGET',
          name: '预算执行',
          items: [
            { code: 'FIN.BUDGET.PLAN', name: '项目预算编制合理，执行进度与服务进度相符', maxPoints: 2, guidance: '执行率与服务进度相差超过20%扣1分。' },
            { code: 'FIN.BUDGET.USE', name: '资金专款专用，无挤占挪用', maxPoints: 3, guidance: '抽查支出凭证，发现挤占挪用本项不得分。' },
          ],
        },
        {
          code: 'FIN.ACCOUNTS',
          name: '会计核算',
          items: [
            { code: 'FIN.ACCOUNTS.SEPARATE', name: '项目资金单独核算，凭证齐全', maxPoints: 2, guidance: '未单独建账不得分，凭证不全每笔扣0.2分。' },
            { code: 'FIN.ACCOUNTS.SALARY', name: '社工薪酬按合同足额按时发放', maxPoints: 2, guidance: '核对工资表与银行流水，拖欠或少发一次扣1分。' },
          ],
        },
        {
          code: 'FIN.DISCLOSURE',
          name: '财务公开',
          items: [
            { code: 'FIN.DISCLOSURE.REPORT', name: '定期公开资金使用情况并接受审计', maxPoints: 1, guidance: '每半年公开一次且有审计意见得满分。' },
          ],
        },
      ],
    },
    {
      code: 'RULES',
      name: '制度建设',
      indicators: [
        {
          code: 'RULES.GOVERN',
          name: '管理制度',
          items: [
            { code: 'RULES.GOVERN.HANDBOOK', name: '考勤、值班、例会等站点管理制度健全并公示', maxPoints: 2, guidance: '制度齐全且上墙公示得满分，每缺一项扣0.5分。' },
            { code: 'RULES.GOVERN.MEETING', name: '定期召开站务例会并有记录', maxPoints: 1, guidance: '每月至少一次例会且有记录得满分。' },
          ],
        },
        {
          code: 'RULES.SERVICE',
          name: '服务制度',
          items: [
            { code: 'RULES.SERVICE.PROCESS', name: '建立接案、评估、转介、结案的服务流程', maxPoints: 2, guidance: '流程文件齐全且抽查档案按流程执行得满分。' },
            { code: 'RULES.SERVICE.COMPLAINT', name: '建立投诉受理与回应机制', maxPoints: 1.5, guidance: '有公开的投诉渠道且投诉均有回应记录得满分。' },
            { code: 'RULES.SERVICE.SAFETY', name: '制定安全管理与应急处置预案', maxPoints: 1.5, guidance: '有预案并开展过演练得满分，仅有预案得0.5分。' },
          ],
        },
        {
          code: 'RULES.PARTY',
          name: '党建引领与联动',
          items: [
            { code: 'RULES.PARTY.LINK', name: '党建引领有计划，与乡镇（街道）、村（社区）建立联动机制', maxPoints: 2, guidance: '党建活动与联席会议均有记录得满分，缺一项扣1分。' },
          ],
        },
      ],
    },
    {
      code: 'STAFF',
      name: '人员管理',
      indicators: [
        {
          code: 'STAFF.TEAM',
          name: '人员配备',
          items: [
            { code: 'STAFF.TEAM.HEADCOUNT', name: '驻站社工人数达到合同要求且名实相符', maxPoints: 3, guidance: '现场点名核对花名册，每少一人扣1.5分。' },
            { code: 'STAFF.TEAM.CERTIFIED', name: '持证社工比例达到合同要求', maxPoints: 2, guidance: '达到要求得满分，每低10个百分点扣0.5分。' },
            { code: 'STAFF.TEAM.STABLE', name: '人员稳定，年度流失率不高于20%', maxPoints: 2, guidance: '流失率超过20%扣1分，超过40%不得分。' },
          ],
        },
        {
          code: 'STAFF.GROWTH',
          name: '督导与培训',
          items: [
            { code: 'STAFF.GROWTH.SUPERVISION', name: '每名社工接受专业督导的时数达到要求', maxPoints: 3, guidance: '按经社工签认的督导记录计算达标人数比例折算得分。' },
            { code: 'STAFF.GROWTH.TRAINING', name: '每名社工年度培训时数达到要求', maxPoints: 2, guidance: '按培训签到记录计算达标人数比例折算得分。' },
          ],
        },
        {
          code: 'STAFF.APPRAISAL',
          name: '考核激励',
          items: [
            { code: 'STAFF.APPRAISAL.REVIEW', name: '建立并实施社工绩效考核与关怀激励', maxPoints: 3, guidance: '有考核办法并按期考核得2分，另有关怀激励措施加1分。' },
          ],
        },
      ],
    },
    {
      code: 'SERVICE',
      name: '服务开展与成效',
      indicators: [
        {
          code: 'SERVICE.CORE',
          name: '基本民政服务',
          items: [
            { code: 'SERVICE.CORE.ASSIST', name: '协助开展社会救助对象走访与需求评估', maxPoints: 5, guidance: '按走访覆盖率折算，全覆盖得满分。' },
            { code: 'SERVICE.CORE.ELDERLY', name: '开展困难老年人关爱服务', maxPoints: 4, guidance: '查看服务记录与回访，服务人次达到计划得满分。' },
            { code: 'SERVICE.CORE.CHILDREN', name: '开展困境儿童与留守儿童关爱服务', maxPoints: 4, guidance: '查看服务记录与回访，服务人次达到计划得满分。' },
          ],
        },
        {
          code: 'SERVICE.METHODS',
          name: '专业服务',
          items: [
            { code: 'SERVICE.METHODS.CASES', name: '个案服务数量与质量达到目标', maxPoints: 5, guidance: '数量达标得3分，抽查文书质量良好再得2分。' },
            { code: 'SERVICE.METHODS.GROUPS', name: '小组工作数量与质量达到目标', maxPoints: 4, guidance: '数量达标得2分，抽查计划与总结完整再得2分。' },
            { code: 'SERVICE.METHODS.COMMUNITY', name: '社区活动数量与质量达到目标', maxPoints: 4, guidance: '数量达标得2分，居民参与和成效记录完整再得2分。' },
          ],
        },
        {
          code: 'SERVICE.OUTPUT',
          name: '服务产出',
          items: [
            { code: 'SERVICE.OUTPUT.TARGETS', name: '年度合同服务指标完成率', maxPoints: 5, guidance: '按完成率折算，完成率低于60%不得分。' },
            { code: 'SERVICE.OUTPUT.RESOURCES', name: '链接志愿者与慈善资源，形成特色服务', maxPoints: 4, guidance: '有稳定志愿者队伍与资源链接记录得2分，有特色服务品牌再得2分。' },
          ],
        },
      ],
    },
    {
      code: 'SOCIAL',
      name: '社会评价',
      indicators: [
        {
          code: 'SOCIAL.USERS',
          name: '服务对象评价',
          items: [
            { code: 'SOCIAL.USERS.SATISFACTION', name: '服务对象满意度', maxPoints: 5, guidance: '按满意度调查结果折算，满意率90%以上得满分。' },
            { code: 'SOCIAL.USERS.FEEDBACK', name: '服务对象意见得到回应与改进', maxPoints: 2, guidance: '意见均有回应且有改进记录得满分。' },
          ],
        },
        {
          code: 'SOCIAL.PARTNERS',
          name: '相关方评价',
          items: [
            { code: 'SOCIAL.PARTNERS.GOVERNMENT', name: '乡镇（街道）及村（社区）评价', maxPoints: 5, guidance: '按相关方书面评价等次计分，好评得满分。' },
            { code: 'SOCIAL.PARTNERS.PUBLICITY', name: '宣传报道与经验推广', maxPoints: 3, guidance: '县级以上媒体报道或经验推广每次得1分，最高3分。' },
          ],
        },
      ],
    },
  ],
};
