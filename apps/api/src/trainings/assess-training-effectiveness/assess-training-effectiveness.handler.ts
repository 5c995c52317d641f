import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssessTrainingEffectiveness, training, trainingStreams } from '@sws/training';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { mustBeOrganizer } from '../organizer';
import { AssessTrainingEffectivenessCommand } from './assess-training-effectiveness.command';

@CommandHandler(AssessTrainingEffectivenessCommand)
export class AssessTrainingEffectivenessHandler implements ICommandHandler<AssessTrainingEffectivenessCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ trainingId, body, context }: AssessTrainingEffectivenessCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Training',
        id: trainingId,
        streamId: trainingStreams.training(trainingId),
        decider: training,
        mustExist: true,
        command: (_state, metadata, history): AssessTrainingEffectiveness => {
          mustBeOrganizer(context.principal, history, trainingId, 'assess the effectiveness');
          return { type: 'AssessTrainingEffectiveness', data: { trainingId, ...body }, metadata };
        },
      },
      context,
    );
  }
}
