import { formatScore, formatShare } from '@sws/renewal';
import { dossierDate, RenewalDossier } from './renewal-dossier';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: unknown) => String(value ?? '—').replace(/[&<>"']/g, (c) => ESCAPES[c]);
const share = (value: number | null) => (value === null ? '—' : formatShare(value));
const score = (value: number | null) => (value === null ? '—' : formatScore(value));
const yes = (value: boolean | null) => (value === null ? '—' : value ? '是' : '否');

/** The ids behind a figure, small, so a printed page can still be traced to the audit trail. */
const sources = (ids: readonly string[]) =>
  ids.length === 0 ? '' : `<div class="src">来源事件：${ids.map((id) => `<code>${escape(id)}</code>`).join(' ')}</div>`;

const GRADE_ZH: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
const PERIOD_ZH: Record<string, string> = { monthly: '月度', midterm: '中期', annual: '年度', final: '终期' };
const ASSESSOR_ZH: Record<string, string> = { third_party: '第三方', purchaser: '购买方', community: '社区', service_users: '服务对象' };

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cells = (row: readonly string[], tag: 'th' | 'td') => `<tr>${row.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
}

/** The dossier as a printable page in Chinese, for the review meeting and the file. */
export function dossierHtml(d: RenewalDossier): string {
  const c = d.contract;
  const e = d.eligibility;
  const sections = [
    `<h2>一、合同基本信息</h2>
     ${table(
       ['项目', '内容'],
       [
         ['购买方', escape(c.purchaser.name)],
         ['承接机构', escape(c.operator.name)],
         ['服务期限', `${escape(dossierDate(c.term.start))} 至 ${escape(dossierDate(c.lastDay))}${c.terminated ? '（已提前终止）' : ''}`],
         ['社工站', c.stations.map((s) => escape(s.name ?? s.id)).join('、')],
         ['合同金额', `${escape(c.budget.totalCny.toLocaleString('zh-CN'))} 元`],
         ['每站最少驻站社工', `${c.requirements.minWorkersPerStation} 人`],
         ['督导 / 培训要求', `每人每年督导 ${c.requirements.supervisionHoursPerWorkerYear} 小时，培训 ${c.requirements.trainingHoursPerWorkerYear} 小时`],
       ],
     )}${sources(c.sourceEventIds)}
     ${c.requirementsInForce.length < 2 ? '' : table(
       ['生效日期', '每站最少驻站社工', '每人每年督导 / 培训（小时）', '来源事件'],
       c.requirementsInForce.map((r) => [
         escape(dossierDate(r.from)),
         `${r.requirements.minWorkersPerStation} 人`,
         `${r.requirements.supervisionHoursPerWorkerYear} / ${r.requirements.trainingHoursPerWorkerYear}`,
         `<code>${escape(r.eventId)}</code>`,
       ]),
     )}
     ${d.stationClosures.length === 0 ? '' : table(
       ['已关闭社工站', '关闭日期（首个关闭日）', '原因', '来源事件'],
       d.stationClosures.map((x) => [escape(x.name), escape(dossierDate(x.on)), escape(x.reason), `<code>${escape(x.eventId)}</code>`]),
     )}`,
    `<h2>二、续签资格评判</h2>
     <p class="status status-${escape(e.status)}">${escape(e.statusZh)}（评判日期 ${escape(dossierDate(e.asOf))}，续签政策第 ${e.policyVersion} 版）</p>
     <p>合同得分：<strong>${score(e.contractScore)}</strong> 分（良好线 ${score(e.thresholds.eligibleFrom)}，合格线 ${score(e.thresholds.ineligibleBelow)}）</p>
     ${e.reasons.length === 0 ? '<p>无影响续签的事项。</p>' : `<ol>${e.reasons.map((r) => `<li>${escape(r.messageZh)}${sources(r.sourceEventIds)}</li>`).join('')}</ol>`}`,
    `<h2>三、评估得分</h2>
     ${table(
       ['社工站', '评估期', '评估方', '得分', '等级', '修订'],
       d.scores.flatMap((s) =>
         s.periods.map((p) => [
           escape(s.name),
           `${escape(PERIOD_ZH[p.period.kind])} ${escape(p.period.from)}～${escape(p.period.to)}`,
           escape(ASSESSOR_ZH[p.assessorKind]),
           score(p.current?.total ?? null),
           p.current ? escape(GRADE_ZH[p.current.grade]) : '—',
           p.assessments
             .flatMap((a) => [
               ...a.revisions.map((r) => `第${r.revision}版 ${score(r.total)}${r.reason ? `（${escape(r.reason)}）` : ''}`),
               ...(a.annulled ? [`<strong class="against">已作废：${escape(a.annulled.reason)}</strong>`] : []),
             ])
             .join('<br>') + sources(p.sourceEventIds),
         ]),
       ),
     )}`,
    `<h2>四、人员配备</h2>
     <p>达标天数 ${d.staffing.compliantDays} / ${d.staffing.days} 天，达标率 ${share(d.staffing.share)}（阈值 ${share(e.thresholds.staffingCompliance)}）</p>
     ${d.staffing.shortfalls.length === 0 ? '' : table(['起', '止', '未达标社工站（在岗人数）'], d.staffing.shortfalls.map((s) => [escape(s.from), escape(s.to), s.stations.map((x) => `${escape(d.scores.find((y) => y.stationId === x.stationId)?.name ?? x.stationId)}（${x.headcount}人）`).join('、')]))}
     ${sources(d.staffing.sourceEventIds)}`,
    `<h2>五、督导与培训（${d.serviceOutput.year}年）</h2>
     <p>督导达标 ${d.supervision.meeting} / ${d.supervision.workers} 人，达标率 ${share(d.supervision.share)}；培训达标 ${d.training.meeting} / ${d.training.workers} 人，达标率 ${share(d.training.share)}（阈值均为 ${share(e.thresholds.supervisionCompliance)}）</p>
     ${table(
       ['社工', '督导（已确认／应达，小时）', '培训（小时／应达）', '督导达标', '培训达标'],
       d.supervision.perWorker.map((w) => {
         const t = d.training.perWorker.find((x) => x.socialWorkerId === w.socialWorkerId);
         const hours = (minutes: number | null) => (minutes === null ? '—' : (minutes / 60).toFixed(1));
         return [escape(w.name ?? w.socialWorkerId), `${hours(w.actualMinutes)} / ${hours(w.requiredToDateMinutes)}`, `${hours(t?.actualMinutes ?? null)} / ${hours(t?.requiredToDateMinutes ?? null)}`, yes(w.meeting), yes(t?.meeting ?? null)];
       }),
     )}${sources([...d.supervision.eventIds, ...d.training.eventIds])}`,
    `<h2>六、服务产出与满意度</h2>
     ${table(
       ['指标', '实际', '应完成（截至评判日）', '全年目标'],
       [
         ['个案（新开）', String(d.serviceOutput.cases.actual), String(d.serviceOutput.cases.expectedToDate), String(d.serviceOutput.cases.target)],
         ['小组活动', String(d.serviceOutput.groups.actual), String(d.serviceOutput.groups.expectedToDate), String(d.serviceOutput.groups.target)],
         ['社区活动', String(d.serviceOutput.communityActivities.actual), String(d.serviceOutput.communityActivities.expectedToDate), String(d.serviceOutput.communityActivities.target)],
       ],
     )}
     <p>行政事务工时占比 ${share(d.administrativeShare.share)}（行政化信号）；服务满意度 ${share(d.satisfaction.share)}（${d.satisfaction.numerator} / ${d.satisfaction.denominator} 人）</p>
     ${d.serviceOutput.monthsMissing.length === 0 ? '' : `<p>未报送月报：${d.serviceOutput.monthsMissing.map((m) => `${escape(d.scores.find((s) => s.stationId === m.stationId)?.name ?? m.stationId)} ${escape(m.month)}`).join('、')}</p>`}
     ${sources(d.serviceOutput.sourceEventIds)}`,
    `<h2>七、整改事项</h2>
     ${d.rectifications.length === 0 ? '<p>无。</p>' : table(['事项', '期限', '状态'], d.rectifications.map((r) => [r.items.map(escape).join('；'), escape(r.deadline), escape(r.statusZh) + sources(r.sourceEventIds)]))}`,
    `<h2>八、历次续签决定</h2>
     ${d.decisions.length === 0 ? '<p>无。</p>' : table(['评判日期', '决定', '当时资格', '理由', '与资格评判相悖'], d.decisions.map((x) => [escape(x.asOf), escape(x.decisionZh), escape(x.eligibilityStatus), escape(x.justification), x.against ? '<strong class="against">是（已明确说明）</strong>' : '否']))}`,
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>续签评审材料 ${escape(c.operator.name)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.6}
h1{font-size:1.5em;border-bottom:2px solid #333}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eee}
.src{font-size:.75em;color:#777;word-break:break-all}.status{font-size:1.2em;font-weight:bold}
.status-eligible{color:#176b1d}.status-conditional{color:#9a6700}.status-ineligible{color:#b3261e}.against{color:#b3261e}
@media print{body{margin:0}.src{color:#555}}
</style></head><body>
<h1>政府购买社工站服务合同续签评审材料</h1>
<p>生成时间 ${escape(d.generatedAt)}；数据截至事件位置 ${escape(d.position)}。各项数字下方列出其来源事件编号，可在审计记录中逐条查证。</p>
${sections.join('\n')}
</body></html>`;
}
