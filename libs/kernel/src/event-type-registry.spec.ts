import { EventTypeRegistry, UnknownEventType } from './event-type-registry';
import { EventMetadata } from './events';

const metadata: EventMetadata = {
  eventId: 'e-1',
  actor: { userId: 'u-1', role: 'procurement', orgId: 'p-1' },
  occurredAt: '2026-10-14T18:30:00.000Z',
  recordedAt: '2026-10-14T18:30:00.000Z',
  correlationId: 'c-1',
  causationId: null,
};

describe('event type registry', () => {
  const registry = new EventTypeRegistry([
    {
      type: 'StationRegistered',
      schemaVersion: 3,
      upcasters: {
        1: (data) => ({ ...data, villageCount: 0 }),
        2: (data) => ({ ...data, operatingModel: data.operatingModel ?? 'outsourced' }),
      },
    },
  ]);

  it('lifts data stored at version 1 through every later version', () => {
    expect(registry.upcast('StationRegistered', 1, { name: '城关街道社工站' }, metadata)).toEqual({
      name: '城关街道社工站',
      villageCount: 0,
      operatingModel: 'outsourced',
    });
  });

  it('leaves data at the current version as it is', () => {
    const data = { name: 'x', villageCount: 3, operatingModel: 'composite' };
    expect(registry.upcast('StationRegistered', 3, data, metadata)).toBe(data);
  });

  it("hands each upcaster the event's stored metadata, for what the older version left to it", () => {
    const amendments = new EventTypeRegistry([
      { type: 'ContractAmended', schemaVersion: 2, upcasters: { 1: (data, stored) => ({ ...data, recordedAt: stored.recordedAt }) } },
    ]);
    expect(amendments.upcast('ContractAmended', 1, { reason: 'x' }, metadata)).toEqual({ reason: 'x', recordedAt: '2026-10-14T18:30:00.000Z' });
  });

  it('refuses a type it does not know', () => {
    expect(() => registry.currentVersion('Nope')).toThrow(UnknownEventType);
  });

  it('refuses a definition with a gap in its upcasters', () => {
    expect(() => new EventTypeRegistry([{ type: 'X', schemaVersion: 2 }])).toThrow(/upcaster from version 1/);
  });
});
