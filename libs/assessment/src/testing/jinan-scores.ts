/**
 * A fixture that scores every item of the Jinan-style rubric, with the sums worked out by hand
 * (issue 5, "done when"). Dimension by dimension:
 *
 *   OPS      1.5 + 2 + 2 + 1.5 + 1.6 + 1.5 + 1 + 1         = 12.10 of 15  (80.67 %)
 *   FIN      2 + 3 + 1.8 + 2 + 0.5                         =  9.30 of 10  (93.00 %)
 *   RULES    1.5 + 1 + 2 + 1 + 0.5 + 2                     =  8.00 of 10  (80.00 %)
 *   STAFF    1.5 + 1.5 + 2 + 2.25 + 2 + 2                  = 11.25 of 15  (75.00 %)
 *   SERVICE  4.5 + 3.5 + 3 + 4 + 3 + 3.5 + 4.25 + 2        = 27.75 of 35  (79.29 %)
 *   SOCIAL   4.6 + 1.5 + 4 + 1.85                          = 11.95 of 15  (79.67 %)
 *
 *   total 12.10 + 9.30 + 8.00 + 11.25 + 27.75 + 11.95 = 80.35 of 100: good (80 ≤ 80.35 < 90)
 */
export const JINAN_POINTS: Readonly<Record<string, number>> = {
  'OPS.SITE.SPACE': 1.5,
  'OPS.SITE.EQUIPMENT': 2,
  'OPS.DUTY.HOURS': 2,
  'OPS.DUTY.LOG': 1.5,
  'OPS.RECORDS.FILES': 1.6,
  'OPS.RECORDS.PRIVACY': 1.5,
  'OPS.RECORDS.SYSTEM': 1,
  'OPS.PLAN.ANNUAL': 1,
  'FIN.BUDGET.PLAN': 2,
  'FIN.BUDGET.USE': 3,
  'FIN.ACCOUNTS.SEPARATE': 1.8,
  'FIN.ACCOUNTS.SALARY': 2,
  'FIN.DISCLOSURE.REPORT': 0.5,
  'RULES.GOVERN.HANDBOOK': 1.5,
  'RULES.GOVERN.MEETING': 1,
  'RULES.SERVICE.PROCESS': 2,
  'RULES.SERVICE.COMPLAINT': 1,
  'RULES.SERVICE.SAFETY': 0.5,
  'RULES.PARTY.LINK': 2,
  'STAFF.TEAM.HEADCOUNT': 1.5,
  'STAFF.TEAM.CERTIFIED': 1.5,
  'STAFF.TEAM.STABLE': 2,
  'STAFF.GROWTH.SUPERVISION': 2.25,
  'STAFF.GROWTH.TRAINING': 2,
  'STAFF.APPRAISAL.REVIEW': 2,
  'SERVICE.CORE.ASSIST': 4.5,
  'SERVICE.CORE.ELDERLY': 3.5,
  'SERVICE.CORE.CHILDREN': 3,
  'SERVICE.METHODS.CASES': 4,
  'SERVICE.METHODS.GROUPS': 3,
  'SERVICE.METHODS.COMMUNITY': 3.5,
  'SERVICE.OUTPUT.TARGETS': 4.25,
  'SERVICE.OUTPUT.RESOURCES': 2,
  'SOCIAL.USERS.SATISFACTION': 4.6,
  'SOCIAL.USERS.FEEDBACK': 1.5,
  'SOCIAL.PARTNERS.GOVERNMENT': 4,
  'SOCIAL.PARTNERS.PUBLICITY': 1.85,
};

export const JINAN_EXPECTED = {
  total: 80.35,
  grade: 'good',
  dimensions: [
    { code: 'OPS', name: '日常运营', points: 12.1, maxPoints: 15, percent: 80.67 },
    { code: 'FIN', name: '财务管理', points: 9.3, maxPoints: 10, percent: 93 },
    { code: 'RULES', name: '制度建设', points: 8, maxPoints: 10, percent: 80 },
    { code: 'STAFF', name: '人员管理', points: 11.25, maxPoints: 15, percent: 75 },
    { code: 'SERVICE', name: '服务开展与成效', points: 27.75, maxPoints: 35, percent: 79.29 },
    { code: 'SOCIAL', name: '社会评价', points: 11.95, maxPoints: 15, percent: 79.67 },
  ],
} as const;
