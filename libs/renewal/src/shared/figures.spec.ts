import { exact, exactShare, meanOf, reaches, shownScore, shownShare } from './figures';

describe('exact figures', () => {
  it('keeps a mean of hundredths exact, so 79.99 and 80.00 make 79.995, not 80', () => {
    const mean = meanOf([exact(7999), exact(8000)]);
    expect(reaches(mean, 8000)).toBe(false);
    expect(reaches(mean, 7999)).toBe(true);
    expect(reaches(meanOf([exact(8000), exact(8000)]), 8000)).toBe(true);
  });

  it('adds fractions with different denominators exactly', () => {
    // 1/3 and 2/3 of a hundredth above 80: their mean is exactly 80.005.
    expect(meanOf([exact(24001, 3), exact(24002, 3)])).toEqual({ numerator: 144009n, denominator: 18n });
  });

  it('shows a figure rounded half up, except onto a threshold it lies below', () => {
    expect(shownScore(meanOf([exact(7999), exact(8000)]), [60, 80])).toBe(79.99);
    expect(shownScore(meanOf([exact(7999), exact(8000)]), [60])).toBe(80);
    expect(shownScore(meanOf([exact(8000), exact(8001)]), [60, 80])).toBe(80.01);
    expect(shownScore(exact(8000), [80])).toBe(80);
    expect(shownScore(exact(239_99, 3), [80])).toBe(79.99);
  });

  it('shows shares to a hundredth of a percent on the same rule', () => {
    expect(shownShare(exactShare(89_995, 100_000), 0.9)).toBe(0.8999);
    expect(shownShare(exactShare(89_995, 100_000), 0.8)).toBe(0.9);
    expect(shownShare(exactShare(2, 3), 0.8)).toBe(0.6667);
    expect(reaches(exactShare(9, 10), 9000)).toBe(true);
  });
});
