import { buildWorld, Endpoint, endpoints, World } from './support/endpoints';
import { startTestApp, TestApp } from './support/test-app';

/** Text a reader sees nothing of: two zero-width spaces, then other invisible characters. */
const INVISIBLE = ['\u200b\u200b', '\u2060\ufeff', '\u200c\u200d\u00ad', '\u3000\u3164'];

/**
 * Per endpoint, the text fields that must not be blank (issue 10, part 6): reasons,
 * justifications, evidence, findings and recommendations, and the names of records.
 */
const TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'POST /organizations': ['name'],
  'POST /stations': ['name'],
  'POST /stations/{stationId}/closure': ['reason'],
  'POST /contracts/{contractId}/amendments': ['reason'],
  'POST /contracts/{contractId}/termination': ['reason'],
  'POST /social-workers': ['name'],
  'POST /social-workers/{socialWorkerId}/departures': ['reason'],
  'POST /rubrics': ['name', 'dimensions.0.name', 'dimensions.0.indicators.0.name', 'dimensions.0.indicators.0.items.0.name'],
  'POST /rubrics/{code}/versions/{version}/retirement': ['reason'],
  'POST /assessments/{assessmentId}/scores': ['scores.0.evidence'],
  'POST /assessments/{assessmentId}/submission': ['findings', 'recommendations'],
  'POST /assessments/{assessmentId}/response': ['comment'],
  'POST /assessments/{assessmentId}/amendments': ['reason', 'scores.0.evidence'],
  'POST /assessments/{assessmentId}/withdrawal': ['reason'],
  'POST /assessments/{assessmentId}/annulment': ['reason'],
  'POST /supervisors': ['name'],
  'POST /supervision-sessions/{sessionId}/corrections': ['reason'],
  'POST /supervision-sessions/{sessionId}/voiding': ['reason'],
  'POST /trainings': ['title'],
  'POST /renewal-reviews/{reviewId}/decision': ['justification'],
  'POST /renewal-reviews/{reviewId}/rectification-reports': ['evidence'],
};

/** The names of records, which refuse control characters anywhere, not only when blank. */
const NAME_FIELDS: Readonly<Record<string, string>> = {
  'POST /organizations': 'name',
  'POST /stations': 'name',
  'POST /social-workers': 'name',
  'POST /supervisors': 'name',
  'POST /trainings': 'title',
  'POST /rubrics': 'name',
};

/** A copy of `body` with the field at a dotted path (`scores.0.evidence`) set to `value`. */
function withField(body: object, path: string, value: unknown): object {
  const copy = structuredClone(body) as Record<string, any>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key], copy);
  parent[keys[keys.length - 1]] = value;
  return copy;
}

describe('blank text and names through HTTP', () => {
  let t: TestApp;
  let world: World;
  let byPath: Map<string, Endpoint>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    byPath = new Map(endpoints(world).map((e) => [`${e.method} ${e.path}`, e]));
  });

  afterAll(() => t.close());

  const head = async () => (await t.http().get('/health')).body.head as string | null;

  /** Sends the endpoint's own good body with one field changed, as someone allowed to use it. */
  async function send(key: string, field: string, value: string) {
    const endpoint = byPath.get(key);
    if (!endpoint?.body || !endpoint.allowed) throw new Error(`no endpoint ${key} with a body`);
    const as = world.people[endpoint.allowed[0]];
    return t.as(as).post(endpoint.url).send(withField(endpoint.body, field, value));
  }

  const cases = Object.entries(TEXT_FIELDS).flatMap(([key, fields]) => fields.map((field) => [key, field] as const));

  it.each(cases)('%s refuses a blank %s with 400 naming it, and appends nothing', async (key, field) => {
    for (const text of INVISIBLE) {
      const before = await head();
      const response = await send(key, field, text);
      expect({ text: JSON.stringify(text), status: response.status }).toEqual({ text: JSON.stringify(text), status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(response.body.errors[0].problems.join(' ')).toMatch(/blank/);
      expect(await head()).toBe(before);
    }
  });

  it.each(Object.entries(NAME_FIELDS))('%s refuses a %s holding NUL or another control character', async (key, field) => {
    for (const name of ['阳光\u0000社工', '阳光\n社工', '阳光\u001b[31m社工']) {
      const before = await head();
      const response = await send(key, field, name);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, problems: [expect.stringMatching(/control characters/)] }]);
      expect(await head()).toBe(before);
    }
  });

  it('still takes text with invisible characters around visible ones', async () => {
    const response = await send('POST /supervision-sessions/{sessionId}/voiding', 'reason', '\u200b重复登记\u200b');
    expect(response.status).toBe(201);
  });
});
