import { rubric } from '../rubric/rubric';
import { itemsOf } from '../rubric/rubric-definition';
import { at } from '../testing/fixtures';
import { FUJIAN_STATION_MODULES_RUBRIC, JINAN_STATION_OPERATIONS_RUBRIC, SHIPPED_RUBRICS } from './shipped-rubrics';

const publish = (data: (typeof SHIPPED_RUBRICS)[number]) =>
  rubric.decide({ type: 'PublishRubric', data, metadata: at('2026-01-05'), facts: { latestVersion: null } }, rubric.initialState());

const items = (data: (typeof SHIPPED_RUBRICS)[number]) => itemsOf(data);
const codesOf = (data: (typeof SHIPPED_RUBRICS)[number]) => [
  ...data.dimensions.map((d) => d.code),
  ...data.dimensions.flatMap((d) => d.indicators.map((i) => i.code)),
  ...items(data).map((i) => i.code),
];

describe('shipped rubrics', () => {
  it.each(SHIPPED_RUBRICS.map((r) => [r.code, r] as const))('%s passes every publishing check as version 1', (_code, data) => {
    expect(publish(data)).toEqual([expect.objectContaining({ type: 'RubricPublished' })]);
  });

  it.each(SHIPPED_RUBRICS.map((r) => [r.code, r] as const))('%s has 30 to 40 items, each with a name and a line of guidance', (_code, data) => {
    const all = data.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.items));
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.length).toBeLessThanOrEqual(40);
    for (const item of all) {
      expect(item.name.trim()).not.toBe('');
      expect(item.guidance.trim()).not.toBe('');
    }
  });

  it.each(SHIPPED_RUBRICS.map((r) => [r.code, r] as const))('%s nests every code under its parent code', (_code, data) => {
    for (const d of data.dimensions) {
      for (const i of d.indicators) {
        expect(i.code.startsWith(`${d.code}.`)).toBe(true);
        for (const t of i.items) expect(t.code.startsWith(`${i.code}.`)).toBe(true);
      }
    }
    expect(new Set(codesOf(data)).size).toBe(codesOf(data).length);
  });

  describe('the Jinan-style rubric', () => {
    it('has 100 points in the six areas the Jinan standard names, with 37 scored items on 3 levels', () => {
      expect(JINAN_STATION_OPERATIONS_RUBRIC.scale).toBe(100);
      expect(JINAN_STATION_OPERATIONS_RUBRIC.dimensions.map((d) => d.name)).toEqual([
        '日常运营',
        '财务管理',
        '制度建设',
        '人员管理',
        '服务开展与成效',
        '社会评价',
      ]);
      expect(items(JINAN_STATION_OPERATIONS_RUBRIC)).toHaveLength(37);
    });

    it('has four grades', () => {
      expect(JINAN_STATION_OPERATIONS_RUBRIC.gradeBands.map((b) => [b.grade, b.minScore])).toEqual([
        ['excellent', 90],
        ['good', 80],
        ['pass', 60],
        ['fail', 0],
      ]);
    });
  });

  describe('the Fujian-style rubric', () => {
    it("has 1000 points in Fujian's six modules, with bands on the 1000-point scale", () => {
      expect(FUJIAN_STATION_MODULES_RUBRIC.scale).toBe(1000);
      expect(FUJIAN_STATION_MODULES_RUBRIC.dimensions.map((d) => d.name)).toEqual([
        '基础建设',
        '制度建设',
        '运营投入',
        '运营管理',
        '服务提供',
        '运营成效',
      ]);
      expect(FUJIAN_STATION_MODULES_RUBRIC.gradeBands.map((b) => b.minScore)).toEqual([900, 800, 600, 0]);
    });
  });
});
