import { ProjectedEvent, Projection } from '@sws/kernel';
import { RubricPublished, RubricRetired } from '../rubric/rubric';
import { RubricDefinition, RubricScale } from '../rubric/rubric-definition';

type Handled = RubricPublished | RubricRetired;
type Retirement = { readonly reason: string; readonly recordedAt: string } | null;

/** One published rubric version, whole, with its retirement if any. Id: `<code>.v<version>`. */
export interface RubricDetail extends RubricDefinition {
  readonly id: string;
  readonly publishedAt: string;
  readonly retired: Retirement;
}

export const rubricDocumentId = (code: string, version: number) => `${code}.v${version}`;

export const rubricDetailProjection: Projection<RubricDetail> = {
  name: 'rubric-detail',
  version: 1,
  collection: 'rubrics',
  handles: ['RubricPublished', 'RubricRetired'],
  documentIds: (event: ProjectedEvent) => {
    const { code, version } = event.data as Handled['data'];
    return [rubricDocumentId(code, version)];
  },
  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { recordedAt } = projected.metadata;
    if (event.type === 'RubricPublished') {
      return { id: rubricDocumentId(event.data.code, event.data.version), ...event.data, publishedAt: recordedAt, retired: null };
    }
    return document && { ...document, retired: { reason: event.data.reason, recordedAt } };
  },
};

/** Every version of a rubric code: what PublishRubric's `latestVersion` fact and rubric lists read. Id: the code. */
export interface RubricVersions {
  readonly code: string;
  readonly latestVersion: number;
  readonly versions: ReadonlyArray<{
    readonly version: number;
    readonly name: string;
    readonly scale: RubricScale;
    readonly publishedAt: string;
    readonly retired: Retirement;
  }>;
}

export const rubricVersionsProjection: Projection<RubricVersions> = {
  name: 'rubric-versions',
  version: 1,
  collection: 'rubric-versions',
  handles: ['RubricPublished', 'RubricRetired'],
  documentIds: (event: ProjectedEvent) => [(event.data as Handled['data']).code],
  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { recordedAt } = projected.metadata;
    if (event.type === 'RubricPublished') {
      const { code, version, name, scale } = event.data;
      const others = (document?.versions ?? []).filter((v) => v.version !== version);
      const versions = [...others, { version, name, scale, publishedAt: recordedAt, retired: null }];
      versions.sort((a, b) => a.version - b.version);
      return { code, latestVersion: versions[versions.length - 1].version, versions };
    }
    if (!document) return null;
    const retired = { reason: event.data.reason, recordedAt };
    const versions = document.versions.map((v) => (v.version === event.data.version ? { ...v, retired } : v));
    return { ...document, versions };
  },
};
