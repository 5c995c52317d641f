import { foldProjections } from './fold-projection';
import { ProjectedEvent, Projection } from './projection';

const counter: Projection<{ count: number }> = {
  name: 'counter',
  version: 1,
  collection: 'counters',
  handles: ['Counted', 'Reset'],
  documentIds: (event) => (event.data as { ids: string[] }).ids,
  evolve: (document, event) => (event.type === 'Reset' ? null : { count: (document?.count ?? 0) + 1 }),
};

const event = (type: string, ids: string[], position: number): ProjectedEvent => ({
  streamId: 'S-1',
  type,
  data: { ids },
  metadata: { eventId: `e${position}`, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: '2026-01-01', recordedAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: null },
  revision: position - 1,
  position: String(position),
});

describe('folding projections in memory', () => {
  it('routes each handled event to the documents it names and deletes on null, skipping what it does not handle', () => {
    const folded = foldProjections([counter], [event('Counted', ['a', 'b'], 1), event('Other', ['a'], 2), event('Counted', ['a'], 3), event('Reset', ['b'], 4)]);
    expect([...folded.get('counter')!.documents.entries()]).toEqual([['a', { count: 2 }]]);
  });
});
