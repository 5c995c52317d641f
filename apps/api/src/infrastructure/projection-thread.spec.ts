import { CommitsTold } from './projection-thread';

describe('telling the projection thread of commits', () => {
  it('sends one message for the commits made before the thread looks, and one again after it has', () => {
    const service = new CommitsTold();
    const thread = new CommitsTold(service.memory);
    expect(service.tell()).toBe(true);
    expect(service.tell()).toBe(false);
    expect(service.tell()).toBe(false);
    thread.heard();
    expect(service.tell()).toBe(true);
    expect(service.tell()).toBe(false);
  });
});
