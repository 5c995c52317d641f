import { Injectable } from '@nestjs/common';
import { OpenAssessment, StationOpenAssessments } from '@sws/assessment';
import { KeyedMutex } from '../infrastructure/mutex';
import { ReadModels } from '../infrastructure/read-models.service';

/**
 * One open assessment per station, period and assessor kind. The starts of one station's
 * assessments run one at a time here, each looking at the station's open assessments only once
 * the read model has caught up with the whole log (as StationCommitments does for contracts).
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

  async of(stationId: string): Promise<OpenAssessment[]> {
    const document = await this.readModels.current<StationOpenAssessments>('open-assessments', stationId);
    return (document?.open ?? []).map(({ assessmentId, period, assessorKind }) => ({ assessmentId, period, assessorKind }));
  }
}
