import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RetireRubric, rubric, rubricDocumentId, streams } from '@sws/assessment';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RetireRubricCommand } from './retire-rubric.command';

/** A retired version starts no new assessment; the assessments made with it keep their scores. */
@CommandHandler(RetireRubricCommand)
export class RetireRubricHandler implements ICommandHandler<RetireRubricCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ code, version, body, context }: RetireRubricCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Rubric',
        id: rubricDocumentId(code, version),
        streamId: streams.rubric(code, version),
        decider: rubric,
        mustExist: true,
        command: (_state, metadata): RetireRubric => ({ type: 'RetireRubric', data: { code, version, reason: body.reason }, metadata }),
      },
      context,
    );
  }
}
