import { configFromEnvironment, EMBEDDED, projectionsFromEnvironment, projectorConfigFromEnvironment, storageConfigFromEnvironment, topologyFromEnvironment } from './config';

describe('store topology from the environment', () => {
  it('is the embedded SQLite pair when nothing is set', () => {
    expect(topologyFromEnvironment({})).toEqual(EMBEDDED);
    expect(storageConfigFromEnvironment({}).topology).toEqual(EMBEDDED);
  });

  it('reads EventStoreDB and MongoDB with their connection strings', () => {
    expect(
      topologyFromEnvironment({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
        READ_STORE: 'MongoDB',
        MONGO_URL: 'mongodb://mongo:27017/sws?replicaSet=rs0',
      }),
    ).toEqual({
      events: { kind: 'eventstoredb', connectionString: 'esdb://eventstore:2113?tls=false' },
      readModels: { kind: 'mongodb', url: 'mongodb://mongo:27017/sws?replicaSet=rs0' },
    });
    expect(topologyFromEnvironment({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://cluster.local:2113' }).readModels).toEqual({ kind: 'sqlite' });
  });

  it.each([
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE must be one of sqlite, eventstoredb \(not postgres\)/],
    [{ READ_STORE: 'redis' }, /READ_STORE must be one of sqlite, mongodb/],
    [{ EVENT_STORE: 'eventstoredb' }, /EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING/],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }, /EVENTSTORE_CONNECTION_STRING must look like esdb:\/\//],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://x', READ_STORE: 'mongodb' }, /READ_STORE=mongodb needs MONGO_URL/],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://x', READ_STORE: 'mongodb', MONGO_URL: 'localhost:27017' }, /MONGO_URL must look like mongodb:\/\//],
    [{ READ_STORE: 'mongodb', MONGO_URL: 'mongodb://x' }, /READ_STORE=mongodb needs EVENT_STORE=eventstoredb/],
  ])('refuses %j, naming what is wrong', (env, message) => {
    expect(() => topologyFromEnvironment(env)).toThrow(message);
  });

  it('leaves a connection string alone when its store is not chosen (the contract suites use them)', () => {
    expect(topologyFromEnvironment({ EVENTSTORE_CONNECTION_STRING: 'esdb://x', MONGO_URL: 'mongodb://y' })).toEqual(EMBEDDED);
  });
});

describe('who runs the projections', () => {
  it('is a thread of this process on the embedded stores, this thread on EventStoreDB, unless PROJECTIONS says otherwise', () => {
    const esdb = topologyFromEnvironment({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(projectionsFromEnvironment({})).toBe('thread');
    expect(projectionsFromEnvironment({}, esdb)).toBe('in-process');
    expect(projectionsFromEnvironment({ PROJECTIONS: 'In-Process' })).toBe('in-process');
    expect(projectionsFromEnvironment({ PROJECTIONS: 'OFF' })).toBe('off');
    expect(configFromEnvironment({ PROJECTIONS: 'off', AUTH_JWT_SECRET: 'x'.repeat(32) }).projections).toBe('off');
    expect(configFromEnvironment({ AUTH_JWT_SECRET: 'x'.repeat(32) }).projections).toBe('thread');
  });

  it('pauses 20 ms between read-model commits under load on the projection thread and in the projector, none in-process, unless PROJECTION_COMMIT_INTERVAL_MS says otherwise', () => {
    const secret = { AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(configFromEnvironment(secret).projectionCommitIntervalMs).toBe(20);
    expect(configFromEnvironment({ ...secret, PROJECTIONS: 'in-process' }).projectionCommitIntervalMs).toBe(0);
    expect(configFromEnvironment({ ...secret, PROJECTIONS: 'in-process', PROJECTION_COMMIT_INTERVAL_MS: '20' }).projectionCommitIntervalMs).toBe(20);
    expect(projectorConfigFromEnvironment({}).projectionCommitIntervalMs).toBe(20);
    expect(configFromEnvironment({ ...secret, PROJECTION_COMMIT_INTERVAL_MS: '0' }).projectionCommitIntervalMs).toBe(0);
    expect(projectorConfigFromEnvironment({ PROJECTION_COMMIT_INTERVAL_MS: '5' }).projectionCommitIntervalMs).toBe(5);
    expect(() => configFromEnvironment({ ...secret, PROJECTION_COMMIT_INTERVAL_MS: '-1' })).toThrow('PROJECTION_COMMIT_INTERVAL_MS must be a whole number from 0 to 1000');
    expect(() => projectorConfigFromEnvironment({ PROJECTION_COMMIT_INTERVAL_MS: 'soon' })).toThrow('PROJECTION_COMMIT_INTERVAL_MS must be a whole number');
  });

  it('refuses any other value, naming the variable, and a thread without the embedded stores', () => {
    expect(() => projectionsFromEnvironment({ PROJECTIONS: 'projector' })).toThrow('PROJECTIONS must be one of thread, in-process, off (not projector)');
    const esdb = topologyFromEnvironment({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(() => projectionsFromEnvironment({ PROJECTIONS: 'thread' }, esdb)).toThrow('PROJECTIONS=thread needs the embedded stores');
    expect(() =>
      configFromEnvironment({ PROJECTIONS: 'thread', EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113', AUTH_JWT_SECRET: 'x'.repeat(32) }),
    ).toThrow('PROJECTIONS=thread needs the embedded stores');
  });

  it('gives the projector its health port and the stores', () => {
    expect(projectorConfigFromEnvironment({ PROJECTOR_PORT: '3200' })).toMatchObject({ port: 3200, topology: EMBEDDED });
    expect(() => projectorConfigFromEnvironment({ PROJECTOR_PORT: 'x' })).toThrow('PROJECTOR_PORT must be a whole number');
  });
});
