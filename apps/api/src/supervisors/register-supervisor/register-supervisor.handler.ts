import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organization, streams } from '@sws/stations-contracts';
import { RegisterSupervisor, supervisionStreams, supervisor } from '@sws/supervision';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { RegisterSupervisorCommand } from './register-supervisor.command';

@CommandHandler(RegisterSupervisorCommand)
export class RegisterSupervisorHandler implements ICommandHandler<RegisterSupervisorCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
  ) {}

  execute({ body, context }: RegisterSupervisorCommand): Promise<WriteResult> {
    const supervisorId = this.executor.newId(context, 'Supervisor');
    return this.executor.execute(
      {
        recordType: 'Supervisor',
        id: supervisorId,
        streamId: supervisionStreams.supervisor(supervisorId),
        decider: supervisor,
        mustExist: false,
        command: async (_state, metadata): Promise<RegisterSupervisor> => {
          const org = body.affiliationOrgId === undefined ? null : await this.records.state(streams.organization(body.affiliationOrgId), organization);
          return {
            type: 'RegisterSupervisor',
            data: { supervisorId, ...body },
            metadata,
            facts: { affiliationOrgKind: org?.status === 'registered' ? org.kind : null },
          };
        },
      },
      context,
    );
  }
}
