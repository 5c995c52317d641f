import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TrainingDetail } from '@sws/training';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { ComposedReads } from '../../infrastructure/composed-read';
import { trainingParties } from '../training-parties';
import { GetTrainingQuery } from './get-training.query';

@QueryHandler(GetTrainingQuery)
export class GetTrainingHandler implements IQueryHandler<GetTrainingQuery, ReadResponse<TrainingDetail>> {
  constructor(private readonly reads: ComposedReads) {}

  async execute({ trainingId, minPosition, caller }: GetTrainingQuery): Promise<ReadResponse<TrainingDetail>> {
    const read = this.reads.begin(minPosition);
    const training = found('Training', trainingId, await read.get<TrainingDetail>('training-detail', trainingId));
    assertMayRead(caller, 'training', { id: trainingId, parties: await trainingParties(read, training), selves: training.attendees });
    return { data: training, position: read.position() };
  }
}
