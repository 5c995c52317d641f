import { defaultGradeBands } from '../rubric/rubric-definition';
import { CommandMetadata } from '@sws/kernel';
import { PublishRubric } from '../rubric/rubric';
import { RubricDefinition } from '../rubric/rubric-definition';

/** A command's metadata at a moment in China time; "today" is the date it names. */
export const at = (date: string, time = '10:00:00', role = 'evaluator', orgId = 'org-evaluator'): CommandMetadata => ({
  now: `${date}T${time}+08:00`,
  actor: { userId: `u-${role}`, role, orgId },
});

/** A small 100-point rubric whose sums are easy to check by hand. */
export const SMALL_RUBRIC: PublishRubric['data'] = {
  code: 'small',
  version: 1,
  name: '小型测试指标',
  scale: 100,
  responseWindowDays: 14,
  gradeBands: defaultGradeBands(100),
  dimensions: [
    {
      code: 'A',
      name: '甲',
      indicators: [
        {
          code: 'A.1',
          name: '甲一',
          items: [
            { code: 'A.1.a', name: '甲一a', maxPoints: 30, guidance: '按完成情况计分。' },
            { code: 'A.1.b', name: '甲一b', maxPoints: 20, guidance: '按完成情况计分。' },
          ],
        },
        { code: 'A.2', name: '甲二', items: [{ code: 'A.2.a', name: '甲二a', maxPoints: 10, guidance: '按完成情况计分。' }] },
      ],
    },
    {
      code: 'B',
      name: '乙',
      indicators: [
        {
          code: 'B.1',
          name: '乙一',
          items: [
            { code: 'B.1.a', name: '乙一a', maxPoints: 25, guidance: '按完成情况计分。' },
            { code: 'B.1.b', name: '乙一b', maxPoints: 15, guidance: '按完成情况计分。' },
          ],
        },
      ],
    },
  ],
};

export const smallRubric = (changes: Partial<RubricDefinition> = {}): RubricDefinition => ({
  ...SMALL_RUBRIC,
  responseWindowDays: 14,
  ...changes,
});

/** Full marks on every item of a rubric, except the points given. */
export function fullMarks(
  rubric: { readonly dimensions: RubricDefinition['dimensions'] },
  except: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const points: Record<string, number> = {};
  for (const dimension of rubric.dimensions) {
    for (const indicator of dimension.indicators) {
      for (const item of indicator.items) points[item.code] = except[item.code] ?? item.maxPoints;
    }
  }
  return points;
}
