import { EventTypeRegistry, UnknownEventType } from './event-type-registry';

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
    expect(registry.upcast('StationRegistered', 1, { name: '城关街道社工站' })).toEqual({
      name: '城关街道社工站',
      villageCount: 0,
      operatingModel: 'outsourced',
    });
  });

  it('leaves data at the current version as it is', () => {
    const data = { name: 'x', villageCount: 3, operatingModel: 'composite' };
    expect(registry.upcast('StationRegistered', 3, data)).toBe(data);
  });

  it('refuses a type it does not know', () => {
    expect(() => registry.currentVersion('Nope')).toThrow(UnknownEventType);
  });

  it('refuses a definition with a gap in its upcasters', () => {
    expect(() => new EventTypeRegistry([{ type: 'X', schemaVersion: 2 }])).toThrow(/upcaster from version 1/);
  });
});
