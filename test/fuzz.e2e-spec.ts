import { buildWorld, Endpoint, endpoints, World } from './support/endpoints';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Sends generated malformed requests to every POST endpoint: bodies broken against the
 * endpoint's own OpenAPI schema, bodies that are not JSON at all, hostile shapes, bad path
 * parameters and bad headers. Every one is malformed by construction, so none may append an
 * event, and none may answer 5xx.
 */

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

/** mulberry32: reproducible from the seed printed on failure. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxLength?: number;
};

interface Slot {
  /** Path of property names and array indexes from the body's root. */
  readonly path: Array<string | number>;
  readonly schema: Schema;
  readonly required: boolean;
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], components);
  return schema;
}

/** Every property present in the body, with its schema: where a mutation can break it. */
function slots(value: unknown, schema: Schema, components: Record<string, Schema>, path: Array<string | number> = [], required = true): Slot[] {
  const resolved = resolve(schema, components);
  const here: Slot[] = path.length === 0 ? [] : [{ path, schema: resolved, required }];
  if (Array.isArray(value) && resolved.items) {
    return [...here, ...value.flatMap((item, index) => slots(item, resolved.items!, components, [...path, index], true))];
  }
  if (value !== null && typeof value === 'object' && resolved.properties) {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, item]) =>
        resolved.properties![key] ? slots(item, resolved.properties![key], components, [...path, key], resolved.required?.includes(key) ?? false) : [],
      ),
    ];
  }
  return here;
}

function setAt(body: any, path: Array<string | number>, value: unknown): void {
  let node = body;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
}

function deleteAt(body: any, path: Array<string | number>): void {
  let node = body;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
}

function objectsIn(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsIn(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, item]) => objectsIn(item, [...path, key]))];
  }
  return [];
}

/** A value the slot's schema cannot accept. */
function wrongValue(random: Random, schema: Schema): unknown {
  const byType: Record<string, unknown[]> = {
    string: [42, true, null, {}, [], ['x'], 1e308],
    number: ['12', '', true, null, {}, [], 'NaN', -1e309],
    integer: ['3', 2.5, true, null, {}, [], 1e21],
    boolean: ['true', 1, 0, null, {}, []],
    array: ['a', 1, {}, null, true],
    object: ['x', 1, [], null, true],
  };
  const candidates = [...(byType[schema.type ?? 'object'] ?? byType.object)];
  if (schema.enum) candidates.push('not-one-of-them', String(schema.enum[0]).toUpperCase() + '_', '');
  if (schema.format === 'uuid') candidates.push('not-a-uuid', '0190a0a0-0000-7000-8000', "' OR 1=1 --", '../../etc/passwd');
  if (schema.type === 'string' && schema.format === undefined && schema.enum === undefined) {
    candidates.push('x'.repeat((schema.maxLength ?? 20_000) + 1 + random.int(50)));
  }
  return random.pick(candidates);
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

interface Case {
  readonly description: string;
  readonly url: string;
  readonly contentType: string;
  readonly payload: string;
  readonly headers: Record<string, string>;
}

describe('fuzzing every POST endpoint with malformed requests', () => {
  let t: TestApp;
  let w: World;
  let targets: Array<Endpoint & { schema: Schema; as: string }>;
  let components: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const document = (await t.http().get('/docs/openapi.json')).body;
    components = document.components.schemas;
    targets = endpoints(w)
      .filter((e) => e.method === 'POST')
      .map((e) => ({
        ...e,
        schema: document.paths[e.path].post.requestBody.content['application/json'].schema,
        // As someone allowed: so that what answers is validation, not access control.
        as: e.allowed![0],
      }));
  });

  afterAll(() => t.close());

  /** One malformed request: a schema-breaking body, or a broken transport, path or header. */
  function malformed(random: Random, target: (typeof targets)[number]): Case {
    const body = structuredClone(target.body) as Record<string, unknown>;
    const headers: Record<string, string> = { authorization: t.authorization(w.people[target.as]) };
    const json = (description: string, value: unknown = body): Case => ({
      description,
      url: target.url,
      contentType: 'application/json',
      payload: JSON.stringify(value),
      headers,
    });
    const fields = slots(body, target.schema, components);
    // A body without fields (an action that only says it happens) is broken by what is added to it or around it;
    // `{}` and `null`, which case 6 may send, are what such an endpoint accepts.
    const kind = fields.length > 0 ? random.int(14) : random.pick([3, 4, 7, 8, 11]);
    switch (kind) {
      case 0: {
        const required = fields.filter((f) => f.required && typeof f.path[f.path.length - 1] === 'string');
        const slot = random.pick(required);
        deleteAt(body, slot.path);
        return json(`without required ${slot.path.join('.')}`);
      }
      case 1:
      case 2: {
        const slot = random.pick(fields);
        setAt(body, slot.path, wrongValue(random, slot.schema));
        return json(`wrong value at ${slot.path.join('.')}`);
      }
      case 3: {
        const where = random.pick(objectsIn(body));
        const key = random.pick(['isAdmin', 'actor', 'metadata', 'eventId', 'revision', '$where', 'role']);
        setAt(body, [...where, key], random.pick([true, 'x', { userId: 'u' }, 1]));
        return json(`unknown field ${[...where, key].join('.')}`);
      }
      case 4: {
        const where = random.pick(objectsIn(body));
        const text = JSON.stringify(body);
        // The prototype keys are written into the text: JSON.stringify would drop them from an object.
        const inject = random.pick(['"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"isAdmin":true}}']);
        const payload = where.length === 0 ? `{${inject},${text.slice(1)}` : text.replace(/\{/, `{${inject},`);
        return { description: 'prototype pollution', url: target.url, contentType: 'application/json', payload, headers };
      }
      case 5: {
        const slot = random.pick(fields);
        setAt(body, slot.path, nested(17 + random.int(2000)));
        return json(`nesting too deep at ${slot.path.join('.')}`);
      }
      case 6: {
        const text = JSON.stringify(body);
        const payload = random.pick([
          text.slice(0, Math.max(1, random.int(text.length))),
          text.replace(/"/, "'"),
          `${text}}`,
          'null',
          '[]',
          '"text"',
          '12',
          '{"a":1,}',
          '\u0000\u0001',
          '{"a":"\\ud800"',
        ]);
        return { description: 'not a JSON object', url: target.url, contentType: 'application/json', payload, headers };
      }
      case 7:
        return {
          description: 'a content type the service does not read',
          url: target.url,
          contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']),
          payload: random.pick(['name=x&kind=operator', JSON.stringify(body), '<a/>']),
          headers,
        };
      case 8: {
        const bad = random.pick(['not-a-uuid', '%00', '..%2F..%2Fetc', 'x'.repeat(300), '0190a0a0-0000-7000-8000-00000000000g', ' ']);
        const segments = target.url.split('/');
        const idIndex = segments.findIndex((s) => /^[0-9a-f-]{36}$/.test(s));
        if (idIndex < 0) return json('an empty body', {});
        segments[idIndex] = bad;
        return { ...json('a bad path parameter'), url: segments.join('/') };
      }
      case 9: {
        const segments = target.url.split('/');
        const idIndex = segments.findIndex((s) => /^[0-9a-f-]{36}$/.test(s));
        if (idIndex < 0) {
          const slot = random.pick(fields);
          setAt(body, slot.path, wrongValue(random, slot.schema));
          return json(`wrong value at ${slot.path.join('.')}`);
        }
        // A well-formed id that names nothing, with a body that is also broken.
        segments[idIndex] = `0190a0a0-0000-7000-8000-${random.int(1e12).toString(16).padStart(12, '0')}`;
        const slot = random.pick(fields);
        setAt(body, slot.path, wrongValue(random, slot.schema));
        return { ...json('an unknown record'), url: segments.join('/') };
      }
      case 10: {
        const slot = random.pick(fields);
        setAt(body, slot.path, wrongValue(random, slot.schema));
        const header = random.pick([
          ['idempotency-key', 'key with spaces'],
          ['idempotency-key', 'k'.repeat(201)],
          ['if-match', 'W/"abc"'],
          ['if-match', '-1'],
          ['x-request-id', '\t'],
          ['x-request-id', 'r'.repeat(500)],
        ]);
        return { ...json(`header ${header[0]}=${header[1].slice(0, 20)} and a wrong value at ${slot.path.join('.')}`), headers: { ...headers, [header[0]]: header[1] } };
      }
      case 11:
        return {
          ...json('a bad Authorization header'),
          headers: { authorization: random.pick(['Bearer', 'Bearer a.b.c', `Bearer ${'x'.repeat(9000)}`, 'Token abc', 'Bearer ..']) },
        };
      case 12: {
        const slot = random.pick(fields.filter((f) => f.schema.type === 'array'));
        if (!slot) return json('an empty body', {});
        setAt(body, slot.path, Array.from({ length: 5001 }, () => 'x'));
        return json(`an array of 5001 items at ${slot.path.join('.')}`);
      }
      default: {
        // Several faults at once.
        for (let i = 0; i < 2 + random.int(3); i++) {
          const current = slots(body, target.schema, components);
          if (current.length === 0) break;
          const slot = random.pick(current);
          setAt(body, slot.path, wrongValue(random, slot.schema));
        }
        return json('several wrong values');
      }
    }
  }

  it(`answers ${REQUESTS} malformed requests with 4xx and appends nothing`, async () => {
    const head = async () => (await t.http().get('/health')).body.head as string;
    const before = await head();
    const random = generator(SEED);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const target = targets[i % targets.length];
      const c = malformed(random, target);
      const response = await t.app.inject({
        method: 'POST',
        url: c.url,
        headers: { 'content-type': c.contentType, ...c.headers },
        payload: c.payload,
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode < 400 || response.statusCode >= 500) {
        failures.push(`#${i} POST ${c.url} (${c.description}): ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
    }
    // Printed so a run shows what the fuzz reached (seed ${SEED}).
    console.log(`fuzz seed ${SEED}: ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await head()).toBe(before);
    // The fuzz reached validation, the body parser and authentication, not only one of them.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 401, 415]));
  }, 300_000);

  it('answers reads with odd query strings and path parameters without a 5xx', async () => {
    const random = generator(SEED + 1);
    const reads = endpoints(w).filter((e) => e.method === 'GET' && e.allowed !== null);
    const oddValues = ['', 'x', '-1', '0', '1e309', 'NaN', '2026-02-30', '2026-13', '9999-99', '%00', '%E4%B8%AD', "'", '[]', '{}', 'a'.repeat(300), '2026-11-24T25:00:00+08:00'];
    const oddNames = ['asOf', 'knownAt', 'year', 'month', 'minPosition', 'limit', 'after', 'format', 'stationId', 'contractId', 'fromRevision', '__proto__', 'constructor[prototype]'];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const target = reads[i % reads.length];
      let url = target.url;
      if (random.next() < 0.3) {
        const segments = url.split('/');
        const at = 1 + random.int(segments.length - 1);
        segments[at] = encodeURIComponent(random.pick(oddValues)) || 'x';
        url = segments.join('/');
      }
      const query = Array.from({ length: 1 + random.int(3) }, () => `${random.pick(oddNames)}=${encodeURIComponent(random.pick(oddValues))}`).join('&');
      url = `${url}${url.includes('?') ? '&' : '?'}${query}`;
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization: t.authorization(w.people[target.allowed![0]]) } });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) failures.push(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    console.log(`read fuzz seed ${SEED + 1}: 2000 requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);
});
