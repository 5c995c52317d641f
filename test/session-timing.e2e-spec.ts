import { EVENT_STORE, EventStore, uuidV7 } from '@sws/event-store';
import { supervisionStreams } from '@sws/supervision';
import { buildWorld, World } from './support/endpoints';
import { created } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Today is 2026-11-24, and it is 10:00 in China. */
describe('a supervision session is logged and attested only once it has ended', () => {
  let t: TestApp;
  let world: World;

  beforeEach(async () => {
    t = await startTestApp({ now: '2026-11-24T10:00:00+08:00' });
    world = await buildWorld(t);
  });

  afterEach(() => t.close());

  const head = async () => (await t.http().get('/health')).body.head as string | null;
  const supervisor = () => world.people.supervisor;
  const worker = () => world.people['worker W'];

  const session = (heldOn: string, startTime: string, durationMinutes: number) => ({
    contractId: world.contract,
    stationId: world.station,
    superviseeIds: [world.worker],
    heldOn,
    startTime,
    durationMinutes,
    format: 'individual',
    functions: ['supportive'],
    topics: ['情绪支持'],
    summary: '一对一支持性督导',
    followUps: [],
  });

  async function refused(url: string, body: object, as = supervisor()) {
    const before = await head();
    const response = await t.as(as).post(url).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'SESSION_NOT_ENDED' });
    expect(await head()).toBe(before);
    return response.body;
  }

  it('refuses this evening’s session in the morning, naming when it ends, and takes one that ended a moment ago', async () => {
    const refusal = await refused('/supervision-sessions', session('2026-11-24', '18:00', 90));
    expect(refusal.details).toMatchObject({ heldOn: '2026-11-24', startTime: '18:00', durationMinutes: 90, endsAt: '2026-11-24T19:30+08:00' });
    expect(refusal.message).toContain('19:30');
    await refused('/supervision-sessions', session('2026-11-24', '08:31', 90));
    await created(t, '/supervision-sessions', session('2026-11-24', '08:30', 90), supervisor());
  });

  it('judges the end in China time, so a session that runs past midnight has not ended until the next day', async () => {
    t.clock.set('2026-11-24T23:50:00+08:00');
    await refused('/supervision-sessions', session('2026-11-24', '23:30', 60));
    t.clock.set('2026-11-25T00:30:00+08:00');
    await created(t, '/supervision-sessions', session('2026-11-24', '23:30', 60), supervisor());
  });

  it('refuses a correction that moves a session to later today', async () => {
    await refused(`/supervision-sessions/${world.session}/corrections`, { reason: '实际为晚间督导', changes: { heldOn: '2026-11-24', startTime: '19:00' } });
  });

  it('refuses to attest a session before its end, even one logged before the rule held, and takes the attestation once it has ended', async () => {
    // A session for this evening, stored before sessions had to be over to be logged.
    const sessionId = uuidV7();
    const events = t.app.get<EventStore>(EVENT_STORE);
    const details = session('2026-11-24', '18:00', 90);
    const now = '2026-11-24T08:00:00.000+08:00';
    await events.append(
      supervisionStreams.supervisionSession(sessionId),
      [
        {
          type: 'SupervisionSessionLogged',
          data: { sessionId, supervisorId: world.supervisor, ...details, loggedOn: '2026-11-24', late: false },
          metadata: {
            eventId: uuidV7(),
            actor: { userId: 'u-sup', role: 'supervisor', orgId: null, supervisorId: world.supervisor },
            occurredAt: '2026-11-24',
            recordedAt: now,
            correlationId: uuidV7(),
            causationId: null,
          },
        },
      ],
      'no_stream',
    );
    const confirms = { heldOn: '2026-11-24', startTime: '18:00', durationMinutes: 90 };
    await refused(`/supervision-sessions/${sessionId}/attestations`, confirms, worker());
    t.clock.set('2026-11-24T19:30:00+08:00');
    await created(t, `/supervision-sessions/${sessionId}/attestations`, confirms, worker());
  });
});
