import { DocumentChange, ReadStore, StaleBatch, UndeclaredIndex } from '../read-store.port';

export interface ReadStoreFixture {
  open(): Promise<ReadStore>;
  dispose(): Promise<void>;
}

/** Commits one projection's changes from wherever its checkpoint stands now. */
export async function commitOne(
  store: ReadStore,
  projection: string,
  version: number,
  changes: readonly DocumentChange[],
  position: string | null,
): Promise<void> {
  const from = (await store.checkpoint(projection))?.position ?? null;
  await store.commit({ changes, checkpoints: [{ projection, version, from, to: position }] });
}

const LAYOUT = [
  { name: 'a', indexedFields: ['parties', 'kind'] },
  { name: 'stations', indexedFields: ['parties'] },
  { name: 'b', indexedFields: [] },
];

/** The behaviour every read-model store adapter must have. Call inside a describe block. */
export function readStoreContract(makeFixture: () => Promise<ReadStoreFixture>): void {
  let fixture: ReadStoreFixture;
  let store: ReadStore;

  beforeEach(async () => {
    fixture = await makeFixture();
    store = await fixture.open();
    await store.prepare(LAYOUT);
  });

  afterEach(async () => {
    await store.close();
    await fixture.dispose();
  });

  it('writes documents and the checkpoint together, and reads them back', async () => {
    await commitOne(store, 'stations', 1, [{ collection: 'stations', id: 's-1', document: { name: '城关' } }], '7');
    expect(await store.get('stations', 's-1')).toEqual({ name: '城关' });
    expect(await store.checkpoint('stations')).toEqual({ position: '7', version: 1 });
  });

  it('replaces and deletes documents', async () => {
    await commitOne(store, 'stations', 1, [{ collection: 'stations', id: 's-1', document: { n: 1 } }], '1');
    await commitOne(store, 'stations', 1, [{ collection: 'stations', id: 's-1', document: { n: 2 } }], '2');
    expect(await store.get('stations', 's-1')).toEqual({ n: 2 });
    await commitOne(store, 'stations', 1, [{ collection: 'stations', id: 's-1', document: null }], '3');
    expect(await store.get('stations', 's-1')).toBeNull();
  });

  it('keeps collections apart and finds several documents at once', async () => {
    await commitOne(
      store,
      'p',
      1,
      [
        { collection: 'a', id: 'x', document: { from: 'a' } },
        { collection: 'b', id: 'x', document: { from: 'b' } },
        { collection: 'a', id: 'y', document: { from: 'a2' } },
      ],
      '1',
    );
    expect(await store.get('b', 'x')).toEqual({ from: 'b' });
    const many = await store.getMany('a', ['x', 'y', 'z', 'x']);
    expect([...many.keys()].sort()).toEqual(['x', 'y']);
    expect(many.get('y')).toEqual({ from: 'a2' });
    expect((await store.getMany('a', [])).size).toBe(0);
  });

  it('lists a collection in id order, page by page', async () => {
    const ids = ['c', 'a', 'd', 'b'];
    await commitOne(store, 'p', 1, ids.map((id) => ({ collection: 'a', id, document: { id } })), '1');
    const first = await store.list('a', { limit: 2 });
    expect(first.map((row) => row.id)).toEqual(['a', 'b']);
    const second = await store.list('a', { limit: 2, afterId: 'b' });
    expect(second.map((row) => row.id)).toEqual(['c', 'd']);
  });

  it('lists only the documents whose id begins with a prefix, page by page and narrowed, never a neighbour\u2019s', async () => {
    const ids = ['s-1', 's-1/2026-01', 's-1/2026-02', 's-1/2026-03', 's-10/2026-01', 's-2/2026-01', 's-0'];
    await commitOne(store, 'p', 1, ids.map((id) => ({ collection: 'a', id, document: { id, parties: id.endsWith('-02') ? [] : ['org-1'] } })), '1');
    expect((await store.list('a', { limit: 10, idPrefix: 's-1/' })).map((row) => row.id)).toEqual(['s-1/2026-01', 's-1/2026-02', 's-1/2026-03']);
    expect((await store.list('a', { limit: 10, idPrefix: 's-1' })).map((row) => row.id)).toEqual(['s-1', 's-1/2026-01', 's-1/2026-02', 's-1/2026-03', 's-10/2026-01']);
    expect((await store.list('a', { limit: 2, idPrefix: 's-1/', afterId: 's-1/2026-01' })).map((row) => row.id)).toEqual(['s-1/2026-02', 's-1/2026-03']);
    expect((await store.list('a', { limit: 10, idPrefix: 's-1/', afterId: 'a' })).map((row) => row.id)).toEqual(['s-1/2026-01', 's-1/2026-02', 's-1/2026-03']);
    const narrowed = await store.list('a', { limit: 10, idPrefix: 's-1/', where: { field: 'parties', value: 'org-1' } });
    expect(narrowed.map((row) => row.id)).toEqual(['s-1/2026-01', 's-1/2026-03']);
    expect(await store.list('a', { limit: 10, idPrefix: 's-3/' })).toEqual([]);
    // "after" below the prefix, at it, within it and past it; the id equal to the prefix counts unless it is "after".
    const after = (afterId: string, where?: { field: string; value: string }) => store.list('a', { limit: 10, idPrefix: 's-1', afterId, where }).then((rows) => rows.map((row) => row.id));
    expect(await after('s-0')).toEqual(['s-1', 's-1/2026-01', 's-1/2026-02', 's-1/2026-03', 's-10/2026-01']);
    expect(await after('s-1')).toEqual(['s-1/2026-01', 's-1/2026-02', 's-1/2026-03', 's-10/2026-01']);
    expect(await after('s-1/2026-03')).toEqual(['s-10/2026-01']);
    expect(await after('s-2')).toEqual([]);
    expect(await after('s-0', { field: 'parties', value: 'org-1' })).toEqual(['s-1', 's-1/2026-01', 's-1/2026-03', 's-10/2026-01']);
    expect(await after('s-1/2026-01', { field: 'parties', value: 'org-1' })).toEqual(['s-1/2026-03', 's-10/2026-01']);
  });

  it('narrows a list to documents whose field equals a value or whose array holds it', async () => {
    const documents = [
      { id: 'a', parties: ['org-1', 'org-2'], kind: 'x' },
      { id: 'b', parties: ['org-2'], kind: 'org-1' },
      { id: 'c', parties: [], kind: 'y' },
      { id: 'd', parties: ['org-1', 'org-1'], kind: 'y' },
    ];
    await commitOne(store, 'p', 1, documents.map((document) => ({ collection: 'a', id: document.id, document })), '1');
    const byParty = await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-1' } });
    expect(byParty.map((row) => row.id)).toEqual(['a', 'd']);
    expect(byParty[1].document).toEqual(documents[3]);
    const paged = await store.list('a', { limit: 1, afterId: 'a', where: { field: 'parties', value: 'org-1' } });
    expect(paged.map((row) => row.id)).toEqual(['d']);
    const byValue = await store.list('a', { limit: 10, where: { field: 'kind', value: 'y' } });
    expect(byValue.map((row) => row.id)).toEqual(['c', 'd']);
    expect(await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-9' } })).toEqual([]);
  });

  it('keeps narrowed lists true as documents change and are deleted', async () => {
    await commitOne(store, 'p', 1, [
      { collection: 'a', id: 'x', document: { parties: ['org-1', 'org-2'], kind: 'k' } },
      { collection: 'a', id: 'y', document: { parties: ['org-1'], kind: 'k' } },
    ], '1');
    await commitOne(store, 'p', 1, [
      { collection: 'a', id: 'x', document: { parties: ['org-2'], kind: 'other' } },
      { collection: 'a', id: 'y', document: null },
    ], '2');
    expect(await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-1' } })).toEqual([]);
    expect((await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-2' } })).map((row) => row.id)).toEqual(['x']);
    expect(await store.list('a', { limit: 10, where: { field: 'kind', value: 'k' } })).toEqual([]);
    expect((await store.list('a', { limit: 10, where: { field: 'kind', value: 'other' } })).map((row) => row.id)).toEqual(['x']);
    // Written again after a delete, a document is listed again.
    await commitOne(store, 'p', 1, [{ collection: 'a', id: 'y', document: { parties: ['org-1'] } }], '3');
    expect((await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-1' } })).map((row) => row.id)).toEqual(['y']);
  });

  it('refuses a narrowed list on a field its collection does not declare', async () => {
    await commitOne(store, 'p', 1, [{ collection: 'a', id: 'x', document: { owner: 'o' } }], '1');
    await expect(store.list('a', { limit: 10, where: { field: 'owner', value: 'o' } })).rejects.toBeInstanceOf(UndeclaredIndex);
    await expect(store.list('b', { limit: 10, where: { field: 'parties', value: 'o' } })).rejects.toBeInstanceOf(UndeclaredIndex);
    await expect(store.list('never-declared', { limit: 10, where: { field: 'parties', value: 'o' } })).rejects.toBeInstanceOf(UndeclaredIndex);
  });

  it('indexes what is stored already when a field is declared later', async () => {
    await commitOne(store, 'p', 1, [
      { collection: 'b', id: 'x', document: { owner: 'o-1', tags: ['t', 'u'] } },
      { collection: 'b', id: 'y', document: { owner: 'o-2', tags: ['u'] } },
    ], '1');
    await store.prepare([{ name: 'b', indexedFields: ['owner', 'tags'] }]);
    expect((await store.list('b', { limit: 10, where: { field: 'owner', value: 'o-1' } })).map((row) => row.id)).toEqual(['x']);
    expect((await store.list('b', { limit: 10, where: { field: 'tags', value: 'u' } })).map((row) => row.id)).toEqual(['x', 'y']);
  });

  it('moves several projections\u2019 checkpoints and documents in one commit, and reads all checkpoints at once', async () => {
    await store.commit({
      changes: [
        { collection: 'stations', id: 's-1', document: { n: 1 } },
        { collection: 'b', id: 'c-1', document: { n: 2 } },
      ],
      checkpoints: [
        { projection: 'station-detail', version: 1, from: null, to: '4' },
        { projection: 'contract-detail', version: 3, from: null, to: '4' },
      ],
    });
    await store.commit({
      changes: [],
      checkpoints: [
        { projection: 'station-detail', version: 1, from: '4', to: '9' },
        { projection: 'contract-detail', version: 3, from: '4', to: '9' },
      ],
    });
    const all = await store.checkpoints();
    expect(Object.fromEntries(all)).toEqual({
      'station-detail': { position: '9', version: 1 },
      'contract-detail': { position: '9', version: 3 },
    });
    expect(await store.get('b', 'c-1')).toEqual({ n: 2 });
  });

  it('writes nothing of a batch when one of its checkpoints is stale: a replay changes nothing', async () => {
    await store.commit({
      changes: [{ collection: 'stations', id: 's-1', document: { n: 1 } }],
      checkpoints: [
        { projection: 'one', version: 1, from: null, to: '5' },
        { projection: 'two', version: 1, from: null, to: '5' },
      ],
    });
    const replay = store.commit({
      changes: [
        { collection: 'stations', id: 's-1', document: { n: 99 } },
        { collection: 'stations', id: 's-2', document: { n: 99 } },
      ],
      checkpoints: [
        { projection: 'one', version: 1, from: '5', to: '8' },
        { projection: 'two', version: 1, from: null, to: '8' },
      ],
    });
    await expect(replay).rejects.toBeInstanceOf(StaleBatch);
    await expect(
      store.commit({ changes: [{ collection: 'stations', id: 's-2', document: {} }], checkpoints: [{ projection: 'one', version: 2, from: '5', to: '8' }] }),
    ).rejects.toBeInstanceOf(StaleBatch);
    await expect(
      store.commit({ changes: [{ collection: 'stations', id: 's-2', document: {} }], checkpoints: [{ projection: 'fresh', version: 1, from: '3', to: '8' }] }),
    ).rejects.toBeInstanceOf(StaleBatch);
    expect(await store.get('stations', 's-1')).toEqual({ n: 1 });
    expect(await store.get('stations', 's-2')).toBeNull();
    expect(await store.checkpoint('one')).toEqual({ position: '5', version: 1 });
    expect(await store.checkpoint('two')).toEqual({ position: '5', version: 1 });
    expect(await store.checkpoint('fresh')).toBeNull();
  });

  it('writes nothing of a batch when one of its changes cannot be stored', async () => {
    await commitOne(store, 'p', 1, [{ collection: 'a', id: 'x', document: { n: 1, parties: ['o'] } }], '1');
    const batch = store.commit({
      changes: [
        { collection: 'a', id: 'x', document: { n: 2 } },
        { collection: 'b', id: 'y', document: { n: 2 } },
        { collection: 'b', id: 'z', document: { n: BigInt(2) } }, // JSON cannot hold it
      ],
      checkpoints: [
        { projection: 'p', version: 1, from: '1', to: '2' },
        { projection: 'q', version: 1, from: null, to: '2' },
      ],
    });
    await expect(batch).rejects.toThrow();
    expect(await store.get('a', 'x')).toEqual({ n: 1, parties: ['o'] });
    expect((await store.list('a', { limit: 10, where: { field: 'parties', value: 'o' } })).map((row) => row.id)).toEqual(['x']);
    expect(await store.get('b', 'y')).toBeNull();
    expect(await store.checkpoint('p')).toEqual({ position: '1', version: 1 });
    expect(await store.checkpoint('q')).toBeNull();
  });

  it('forgets one projection on reset, leaving the others', async () => {
    await store.commit({
      changes: [
        { collection: 'stations', id: 's-1', document: { parties: ['o'] } },
        { collection: 'b', id: 'x', document: {} },
      ],
      checkpoints: [
        { projection: 'stations', version: 1, from: null, to: '5' },
        { projection: 'other', version: 1, from: null, to: '5' },
      ],
    });
    await store.reset('stations', 'stations');
    expect(await store.get('stations', 's-1')).toBeNull();
    expect(await store.list('stations', { limit: 10, where: { field: 'parties', value: 'o' } })).toEqual([]);
    expect(await store.checkpoint('stations')).toBeNull();
    expect(await store.get('b', 'x')).toEqual({});
    expect(await store.checkpoint('other')).toEqual({ position: '5', version: 1 });
  });

  it('keeps documents that are changed after a commit unchanged in the store', async () => {
    const document = { list: [1] };
    await commitOne(store, 'p', 1, [{ collection: 'a', id: 'x', document }], '1');
    document.list.push(2);
    expect(await store.get('a', 'x')).toEqual({ list: [1] });
  });
}
