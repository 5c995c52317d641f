import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { DeclareAffiliation, organization, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { DeclareAffiliationCommand } from './declare-affiliation.command';

@CommandHandler(DeclareAffiliationCommand)
export class DeclareAffiliationHandler implements ICommandHandler<DeclareAffiliationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  execute({ organizationId, body, context }: DeclareAffiliationCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Organization',
        id: organizationId,
        streamId: streams.organization(organizationId),
        decider: organization,
        mustExist: true,
        command: async (_state, metadata): Promise<DeclareAffiliation> => {
          const other = await this.events.readStream(streams.organization(body.otherOrgId));
          return {
            type: 'DeclareAffiliation',
            data: { organizationId, ...body },
            metadata,
            facts: { otherOrganizationExists: other.length > 0 },
          };
        },
      },
      context,
    );
  }
}
