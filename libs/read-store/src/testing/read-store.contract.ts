import { ReadStore } from '../read-store.port';

export interface ReadStoreFixture {
  open(): Promise<ReadStore>;
  dispose(): Promise<void>;
}

/** The behaviour every read-model store adapter must have. Call inside a describe block. */
export function readStoreContract(makeFixture: () => Promise<ReadStoreFixture>): void {
  let fixture: ReadStoreFixture;
  let store: ReadStore;

  beforeEach(async () => {
    fixture = await makeFixture();
    store = await fixture.open();
  });

  afterEach(async () => {
    await store.close();
    await fixture.dispose();
  });

  it('writes documents and the checkpoint together, and reads them back', async () => {
    await store.commit('stations', 1, [{ collection: 'stations', id: 's-1', document: { name: '城关' } }], '7');
    expect(await store.get('stations', 's-1')).toEqual({ name: '城关' });
    expect(await store.checkpoint('stations')).toEqual({ position: '7', version: 1 });
  });

  it('replaces and deletes documents', async () => {
    await store.commit('stations', 1, [{ collection: 'stations', id: 's-1', document: { n: 1 } }], '1');
    await store.commit('stations', 1, [{ collection: 'stations', id: 's-1', document: { n: 2 } }], '2');
    expect(await store.get('stations', 's-1')).toEqual({ n: 2 });
    await store.commit('stations', 1, [{ collection: 'stations', id: 's-1', document: null }], '3');
    expect(await store.get('stations', 's-1')).toBeNull();
  });

  it('keeps collections apart and finds several documents at once', async () => {
    await store.commit(
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
    const many = await store.getMany('a', ['x', 'y', 'z']);
    expect([...many.keys()].sort()).toEqual(['x', 'y']);
  });

  it('lists a collection in id order, page by page', async () => {
    const ids = ['c', 'a', 'd', 'b'];
    await store.commit('p', 1, ids.map((id) => ({ collection: 'a', id, document: { id } })), '1');
    const first = await store.list('a', { limit: 2 });
    expect(first.map((row) => row.id)).toEqual(['a', 'b']);
    const second = await store.list('a', { limit: 2, afterId: 'b' });
    expect(second.map((row) => row.id)).toEqual(['c', 'd']);
  });

  it('narrows a list to documents whose field equals a value or whose array holds it', async () => {
    const documents = [
      { id: 'a', parties: ['org-1', 'org-2'], kind: 'x' },
      { id: 'b', parties: ['org-2'], kind: 'org-1' },
      { id: 'c', parties: [], kind: 'y' },
      { id: 'd', parties: ['org-1'], kind: 'y' },
    ];
    await store.commit('p', 1, documents.map((document) => ({ collection: 'a', id: document.id, document })), '1');
    const byParty = await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-1' } });
    expect(byParty.map((row) => row.id)).toEqual(['a', 'd']);
    const paged = await store.list('a', { limit: 1, afterId: 'a', where: { field: 'parties', value: 'org-1' } });
    expect(paged.map((row) => row.id)).toEqual(['d']);
    const byValue = await store.list('a', { limit: 10, where: { field: 'kind', value: 'y' } });
    expect(byValue.map((row) => row.id)).toEqual(['c', 'd']);
    expect(await store.list('a', { limit: 10, where: { field: 'parties', value: 'org-9' } })).toEqual([]);
  });

  it('forgets a projection on reset', async () => {
    await store.commit('stations', 1, [{ collection: 'stations', id: 's-1', document: {} }], '5');
    await store.reset('stations', 'stations');
    expect(await store.get('stations', 's-1')).toBeNull();
    expect(await store.checkpoint('stations')).toBeNull();
  });

  it('keeps documents that are changed after a commit unchanged in the store', async () => {
    const document = { list: [1] };
    await store.commit('p', 1, [{ collection: 'a', id: 'x', document }], '1');
    document.list.push(2);
    expect(await store.get('a', 'x')).toEqual({ list: [1] });
  });
}
