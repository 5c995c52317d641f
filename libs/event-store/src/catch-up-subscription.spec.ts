import { WakeSignal } from './catch-up-subscription';

describe('wake signal', () => {
  it('wakes every waiter on one notification', async () => {
    const wake = new WakeSignal();
    const woken: number[] = [];
    const waits = [1, 2, 3, 4].map((n) => wake.wait(60_000).then(() => woken.push(n)));
    wake.notify();
    await Promise.all(waits);
    expect(woken.sort()).toEqual([1, 2, 3, 4]);
  });

  it('does not wait when a notification came since the reader last looked', async () => {
    const wake = new WakeSignal();
    const seen = wake.version;
    wake.notify();
    let resolved = false;
    const wait = wake.wait(60_000, seen).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
    await wait;
  });
});
