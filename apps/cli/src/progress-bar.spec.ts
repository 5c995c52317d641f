import { ProgressDisplay, renderProgress } from './progress-bar';

describe('the progress bar', () => {
  it('shows the share done as a bar, a percentage and counts', () => {
    expect(renderProgress('station-detail', 10400, 20000)).toBe('station-detail [##########----------] 52% 10400/20000 events');
    expect(renderProgress('station-detail', 0, 0)).toBe('station-detail [####################] 100% 0/0 events');
    expect(renderProgress('station-detail', 7, null)).toBe('station-detail 7 events');
  });

  it('writes one line per tenth when the stream is not a terminal', () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: false, write: (text) => written.push(text) });
    for (let done = 0; done <= 1000; done += 50) display.update('contract-detail', done, 1000);
    expect(written).toHaveLength(11);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('redraws in place on a terminal', () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: true, write: (text) => written.push(text) });
    display.update('contract-detail', 1, 4);
    display.update('contract-detail', 2, 4);
    display.finish('contract-detail: 4 events');
    expect(written.slice(0, 2).every((text) => text.startsWith('\r'))).toBe(true);
    expect(written[2]).toBe('\ncontract-detail: 4 events\n');
  });
});
