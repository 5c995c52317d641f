import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PublishRubric, rubric, rubricDocumentId, streams } from '@sws/assessment';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RubricVersions } from '../rubric-versions';
import { PublishRubricCommand } from './publish-rubric.command';

/** A new version of a rubric is a new record; it claims its place among the code's versions (see RubricVersions). */
@CommandHandler(PublishRubricCommand)
export class PublishRubricHandler implements ICommandHandler<PublishRubricCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly versions: RubricVersions,
  ) {}

  execute({ body, context }: PublishRubricCommand): Promise<WriteResult> {
    const { code, version } = body;
    return this.executor.execute(
      {
        recordType: 'Rubric',
        id: rubricDocumentId(code, version),
        streamId: streams.rubric(code, version),
        decider: rubric,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<PublishRubric> => ({
          type: 'PublishRubric',
          data: { ...body },
          metadata,
          facts: { latestVersion: await this.versions.latestOf(code, keys) },
        }),
        reserve: () => this.versions.claim(code, version),
      },
      context,
    );
  }
}
