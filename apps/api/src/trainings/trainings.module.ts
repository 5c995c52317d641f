import { Module, OnModuleInit } from '@nestjs/common';
import { TrainingDetail } from '@sws/training';
import { StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { AssessTrainingEffectivenessHandler } from './assess-training-effectiveness/assess-training-effectiveness.handler';
import { GetTrainingHandler } from './get-training/get-training.handler';
import { RecordTrainingAttendanceHandler } from './record-training-attendance/record-training-attendance.handler';
import { RecordTrainingHandler } from './record-training/record-training.handler';
import { trainingParties } from './training-parties';
import { TrainingsController } from './trainings.controller';

@Module({
  controllers: [TrainingsController],
  providers: [RecordTrainingHandler, RecordTrainingAttendanceHandler, AssessTrainingEffectivenessHandler, GetTrainingHandler],
})
export class TrainingsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    const current = {
      get: <D>(projection: string, id: string) => this.readModels.current<D>(projection, id),
      getMany: async <D>(projection: string, ids: readonly string[]) => {
        await this.readModels.catchUpWithLog(projection);
        return this.readModels.readMany<D>(projection, ids, null);
      },
    };
    this.parties.register('Training', async (id) => {
      const training = await current.get<TrainingDetail>('training-detail', id);
      return training === null ? null : trainingParties(current, training);
    });
  }
}
