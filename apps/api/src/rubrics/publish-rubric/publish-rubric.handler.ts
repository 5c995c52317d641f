import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PublishRubric, rubric, rubricDocumentId, RubricVersions, streams } from '@sws/assessment';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { KeyedMutex } from '../../infrastructure/mutex';
import { ReadModels } from '../../infrastructure/read-models.service';
import { PublishRubricCommand } from './publish-rubric.command';

/**
 * A new version of a rubric is a new record. Versions of one code are published one at a time,
 * each looking at the code's latest version once the read model has caught up with the log.
 */
@CommandHandler(PublishRubricCommand)
export class PublishRubricHandler implements ICommandHandler<PublishRubricCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
  ) {}

  execute({ body, context }: PublishRubricCommand): Promise<WriteResult> {
    const { code, version } = body;
    return this.mutex.run(`rubric-versions:${code}`, () =>
      this.executor.execute(
        {
          recordType: 'Rubric',
          id: rubricDocumentId(code, version),
          streamId: streams.rubric(code, version),
          decider: rubric,
          mustExist: false,
          command: async (_state, metadata): Promise<PublishRubric> => {
            const versions = await this.readModels.current<RubricVersions>('rubric-versions', code);
            return { type: 'PublishRubric', data: { ...body }, metadata, facts: { latestVersion: versions?.latestVersion ?? null } };
          },
        },
        context,
      ),
    );
  }
}
