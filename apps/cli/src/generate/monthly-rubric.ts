import { defaultGradeBands, PublishRubric } from '@sws/assessment';

/**
 * The county bureau's monthly check of a station (月度督查): a short 100-point rubric of ten
 * items, as purchasers use between the evaluator's annual assessments. Written for the generated
 * data set; a real county publishes its own through POST /rubrics the same way.
 */
export const MONTHLY_CHECK_RUBRIC: PublishRubric['data'] = {
  code: 'county-monthly-check',
  version: 1,
  name: '社工站月度督查指标（百分制）',
  scale: 100,
  responseWindowDays: 14,
  gradeBands: defaultGradeBands(100),
  dimensions: [
    {
      code: 'MC.OPS',
      name: '运营规范',
      indicators: [
        {
          code: 'MC.OPS.DUTY',
          name: '值守与台账',
          items: [
            { code: 'MC.OPS.DUTY.OPEN', name: '按约定时间开放，值班记录完整', maxPoints: 10, guidance: '抽查当月值班表，无故闭站一次扣2分。' },
            { code: 'MC.OPS.DUTY.LOG', name: '工作日志与月报按时报送', maxPoints: 10, guidance: '迟报或漏报一期扣2分。' },
            { code: 'MC.OPS.DUTY.FILES', name: '服务档案一案一档', maxPoints: 10, guidance: '抽取三份档案，每份缺项扣1分。' },
          ],
        },
        {
          code: 'MC.OPS.STAFF',
          name: '人员在岗',
          items: [
            { code: 'MC.OPS.STAFF.PRESENT', name: '驻站社工按配置在岗', maxPoints: 10, guidance: '现场点名，缺岗一人扣3分。' },
            { code: 'MC.OPS.STAFF.SUPERVISION', name: '当月接受督导并签字确认', maxPoints: 10, guidance: '查阅督导记录，未督导扣5分。' },
          ],
        },
      ],
    },
    {
      code: 'MC.SRV',
      name: '服务成效',
      indicators: [
        {
          code: 'MC.SRV.OUTPUT',
          name: '服务产出',
          items: [
            { code: 'MC.SRV.OUTPUT.CASES', name: '个案服务按计划推进', maxPoints: 10, guidance: '对照个案计划，未跟进一案扣2分。' },
            { code: 'MC.SRV.OUTPUT.GROUPS', name: '小组与社区活动按计划开展', maxPoints: 10, guidance: '少开展一次扣2分。' },
            { code: 'MC.SRV.OUTPUT.VISITS', name: '重点对象探访到位', maxPoints: 10, guidance: '抽查探访记录，遗漏一户扣2分。' },
          ],
        },
        {
          code: 'MC.SRV.FEEDBACK',
          name: '群众评价',
          items: [
            { code: 'MC.SRV.FEEDBACK.SURVEY', name: '服务对象满意度调查', maxPoints: 10, guidance: '满意率每低于90%五个百分点扣2分。' },
            { code: 'MC.SRV.FEEDBACK.COMPLAINTS', name: '投诉及时回应处理', maxPoints: 10, guidance: '未回应一件扣5分。' },
          ],
        },
      ],
    },
  ],
};
