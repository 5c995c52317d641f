import { reactive } from 'vue';
import { api } from './client';
import { unwrap } from './errors';
import type { OrganizationDetail, Page, StationDetail } from './read-models';

/**
 * Names of the organizations and stations the signed-in person may read, for pages that show
 * ids from other records. Shared by every page; loaded once per sign-in.
 */
export const names = reactive<{ organizations: Record<string, string>; stations: Record<string, string> }>({ organizations: {}, stations: {} });
let loading: Promise<void> | null = null;

async function everyPage<T extends { id: string }>(fetchPage: (after: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await fetchPage(after);
    all.push(...page.data);
    if (page.next === null) break;
    after = page.next;
  }
  return all;
}

export function loadNames(): Promise<void> {
  loading ??= (async () => {
    const [organizations, stations] = await Promise.all([
      everyPage((after) => unwrap<Page<OrganizationDetail>>(api.GET('/organizations', { params: { query: { limit: 500, after } } }))),
      everyPage((after) => unwrap<Page<StationDetail & { id: string }>>(api.GET('/stations', { params: { query: { limit: 500, after } } }))),
    ]);
    names.organizations = Object.fromEntries(organizations.map((o) => [o.id, o.name]));
    names.stations = Object.fromEntries(stations.map((s) => [s.id, s.name]));
  })().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

export function forgetNames(): void {
  loading = null;
  names.organizations = {};
  names.stations = {};
}

export const organizationName = (id: string) => names.organizations[id] ?? id.slice(0, 8);
export const stationName = (id: string) => names.stations[id] ?? id.slice(0, 8);
