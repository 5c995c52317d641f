import { Injectable } from '@nestjs/common';
import { StationAssessment, StationOpenAssessments } from '@sws/assessment';
import { KeyedMutex } from '../infrastructure/mutex';
import { ReadModels } from '../infrastructure/read-models.service';

/**
 * One assessment per station, period and assessor kind: none while another is open, none once
 * one is finalized (until it is annulled). The starts of one station's assessments run one at a
 * time here, each looking at the station's open and counting assessments only once the read
 * model has caught up with the whole log (as StationCommitments does for contracts).
 */
@Injectable()
export class OpenAssessments {
  constructor(
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
  ) {}

  exclusively<T>(stationId: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(`open-assessments:${stationId}`, work);
  }

  async of(stationId: string): Promise<StationAssessment[]> {
    const document = await this.readModels.current<StationOpenAssessments>('open-assessments', stationId);
    return (document?.assessments ?? []).map(({ assessmentId, period, assessorKind, status }) => ({ assessmentId, period, assessorKind, status }));
  }
}
