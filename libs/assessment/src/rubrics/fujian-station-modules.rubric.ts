import { defaultGradeBands } from '../rubric/rubric-definition';
import { PublishRubric } from '../rubric/rubric';

/**
 * A 1000-point station rubric after the six modules of Fujian's evaluation (SPEC "The problem"):
 * basic construction, institution building, operational inputs, operational management,
 * service provision, operational performance. Bands sit on the 1000-point scale. The item
 * texts and points are written here.
 */
export const FUJIAN_STATION_MODULES_RUBRIC: PublishRubric['data'] = {
  code: 'fujian-station-modules',
  version: 1,
  name: '乡镇（街道）社工站建设运营评估指标（千分制，参照福建六模块）',
  scale: 1000,
  responseWindowDays: 14,
  gradeBands: defaultGradeBands(1000),
  dimensions: [
    {
      code: 'BASE',
      name: '基础建设',
      indicators: [
        {
          code: 'BASE.SITE',
          name: '场地设置',
          items: [
            { code: 'BASE.SITE.AREA', name: '站点使用面积达到规定，功能室设置齐全', maxPoints: 40, guidance: '实地测量并查看功能室，面积不足扣20分，每缺一个功能室扣5分。' },
            { code: 'BASE.SITE.ACCESS', name: '选址便民，无障碍设施完备', maxPoints: 20, guidance: '位于乡镇（街道）便民服务中心或周边且有无障碍通道得满分。' },
            { code: 'BASE.SITE.IDENTITY', name: '统一标识、门牌与服务内容公示', maxPoints: 20, guidance: '对照统一标识规范查看，每缺一项扣5分。' },
          ],
        },
        {
          code: 'BASE.NETWORK',
          name: '服务网络',
          items: [
            { code: 'BASE.NETWORK.ROOMS', name: '村（社区）社工室覆盖率', maxPoints: 30, guidance: '按已设社工室的村（社区）比例折算得分。' },
            { code: 'BASE.NETWORK.DIGITAL', name: '接入信息平台并开展线上服务', maxPoints: 20, guidance: '已接入并每月有线上服务记录得满分，仅接入得10分。' },
            { code: 'BASE.NETWORK.EQUIPMENT', name: '办公设备与服务物资配备', maxPoints: 20, guidance: '对照配置清单逐项核对，每缺一项扣4分。' },
          ],
        },
      ],
    },
    {
      code: 'RULES',
      name: '制度建设',
      indicators: [
        {
          code: 'RULES.MANAGEMENT',
          name: '内部管理制度',
          items: [
            { code: 'RULES.MANAGEMENT.ROUTINE', name: '考勤、值班、例会、档案等日常管理制度健全', maxPoints: 25, guidance: '每缺一项制度扣5分，有制度未执行扣3分。' },
            { code: 'RULES.MANAGEMENT.FINANCE', name: '财务与资产管理制度健全', maxPoints: 20, guidance: '制度齐全且有资产台账得满分。' },
          ],
        },
        {
          code: 'RULES.SERVICE',
          name: '服务规范',
          items: [
            { code: 'RULES.SERVICE.STANDARDS', name: '服务流程与文书格式统一规范', maxPoints: 25, guidance: '抽查十份文书，每份不规范扣2.5分。' },
            { code: 'RULES.SERVICE.RISK', name: '安全管理、应急处置与投诉处理制度', maxPoints: 15, guidance: '三项制度齐全得满分，每缺一项扣5分。' },
            { code: 'RULES.SERVICE.COORDINATION', name: '与乡镇（街道）、村（社区）及相关部门的协同机制', maxPoints: 15, guidance: '有联席会议制度且每季度有会议记录得满分。' },
          ],
        },
      ],
    },
    {
      code: 'INPUT',
      name: '运营投入',
      indicators: [
        {
          code: 'INPUT.FUNDS',
          name: '资金投入',
          items: [
            { code: 'INPUT.FUNDS.BUDGET', name: '运营经费按合同足额及时到位', maxPoints: 40, guidance: '核对拨付凭证，到位率每低10%扣8分。' },
            { code: 'INPUT.FUNDS.SOURCES', name: '多渠道筹集资金（福彩公益金、慈善资金等）', maxPoints: 20, guidance: '除财政资金外每有一类稳定来源得10分，最高20分。' },
          ],
        },
        {
          code: 'INPUT.PEOPLE',
          name: '人力投入',
          items: [
            { code: 'INPUT.PEOPLE.HEADCOUNT', name: '专职社工配备达到要求且在岗', maxPoints: 40, guidance: '现场核对在岗人数，每少一人扣20分。' },
            { code: 'INPUT.PEOPLE.CERTIFIED', name: '持证社工与社会工作专业学历人员占比', maxPoints: 30, guidance: '占比达到合同要求得满分，每低10个百分点扣6分。' },
            { code: 'INPUT.PEOPLE.VOLUNTEERS', name: '志愿者队伍建设', maxPoints: 20, guidance: '有登记在册的志愿者队伍且每月有服务记录得满分。' },
          ],
        },
      ],
    },
    {
      code: 'MANAGE',
      name: '运营管理',
      indicators: [
        {
          code: 'MANAGE.PLANNING',
          name: '计划管理',
          items: [
            { code: 'MANAGE.PLANNING.NEEDS', name: '开展需求评估并制定年度计划', maxPoints: 25, guidance: '有需求评估报告且计划与之对应得满分，只有计划得10分。' },
            { code: 'MANAGE.PLANNING.PROGRESS', name: '按月报送进度，台账真实完整', maxPoints: 25, guidance: '抽查台账与现场情况一致且按月报送得满分，发现不实记录本项不得分。' },
          ],
        },
        {
          code: 'MANAGE.TEAM',
          name: '团队管理',
          items: [
            { code: 'MANAGE.TEAM.SUPERVISION', name: '专业督导按计划开展并有签认记录', maxPoints: 30, guidance: '按经社工签认的督导时数达标人数比例折算得分。' },
            { code: 'MANAGE.TEAM.TRAINING', name: '社工培训时数达到要求', maxPoints: 25, guidance: '按培训时数达标人数比例折算得分。' },
            { code: 'MANAGE.TEAM.APPRAISAL', name: '社工绩效考核与激励', maxPoints: 20, guidance: '有考核办法并按期实施得满分，仅有办法得8分。' },
          ],
        },
        {
          code: 'MANAGE.FINANCE',
          name: '财务管理',
          items: [
            { code: 'MANAGE.FINANCE.USE', name: '资金使用规范，专款专用', maxPoints: 25, guidance: '抽查支出凭证，发现挤占挪用本项不得分。' },
          ],
        },
      ],
    },
    {
      code: 'SERVICE',
      name: '服务提供',
      indicators: [
        {
          code: 'SERVICE.ASSISTANCE',
          name: '社会救助服务',
          items: [
            { code: 'SERVICE.ASSISTANCE.VISITS', name: '困难群众走访与需求评估', maxPoints: 40, guidance: '按走访覆盖率折算，全覆盖得满分。' },
            { code: 'SERVICE.ASSISTANCE.CASES', name: '救助对象个案服务', maxPoints: 40, guidance: '个案数量达标得25分，抽查文书质量良好再得15分。' },
          ],
        },
        {
          code: 'SERVICE.CARE',
          name: '关爱服务',
          items: [
            { code: 'SERVICE.CARE.ELDERLY', name: '困难老年人关爱服务', maxPoints: 35, guidance: '服务人次达到计划且有回访记录得满分。' },
            { code: 'SERVICE.CARE.CHILDREN', name: '困境儿童与留守儿童关爱服务', maxPoints: 35, guidance: '服务人次达到计划且有回访记录得满分。' },
          ],
        },
        {
          code: 'SERVICE.COMMUNITY',
          name: '社区服务',
          items: [
            { code: 'SERVICE.COMMUNITY.GROUPS', name: '小组工作', maxPoints: 35, guidance: '小组数量达标得20分，计划、过程与评估记录完整再得15分。' },
            { code: 'SERVICE.COMMUNITY.ACTIVITIES', name: '社区活动与居民参与', maxPoints: 35, guidance: '活动数量达标得20分，居民参与和成效记录完整再得15分。' },
            { code: 'SERVICE.COMMUNITY.GOVERNANCE', name: '参与基层治理与“五社联动”', maxPoints: 30, guidance: '有参与社区议事或联动项目的记录，每项得10分，最高30分。' },
          ],
        },
      ],
    },
    {
      code: 'RESULT',
      name: '运营成效',
      indicators: [
        {
          code: 'RESULT.OUTPUT',
          name: '服务产出',
          items: [
            { code: 'RESULT.OUTPUT.TARGETS', name: '合同服务指标完成率', maxPoints: 60, guidance: '按完成率折算，完成率低于60%不得分。' },
            { code: 'RESULT.OUTPUT.QUALITY', name: '服务文书质量', maxPoints: 30, guidance: '抽查十份文书，每份不合格扣3分。' },
          ],
        },
        {
          code: 'RESULT.IMPACT',
          name: '社会效益',
          items: [
            { code: 'RESULT.IMPACT.SATISFACTION', name: '服务对象满意率', maxPoints: 50, guidance: '按满意度调查结果折算，满意率90%以上得满分。' },
            { code: 'RESULT.IMPACT.STAKEHOLDERS', name: '乡镇（街道）与村（社区）评价', maxPoints: 40, guidance: '按相关方书面评价等次计分，好评得满分。' },
            { code: 'RESULT.IMPACT.INFLUENCE', name: '典型案例、宣传报道与经验推广', maxPoints: 20, guidance: '市级以上推广或报道每次得5分，最高20分。' },
          ],
        },
      ],
    },
  ],
};
