import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeclareAffiliation, organization, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { DeclareAffiliationCommand } from './declare-affiliation.command';

@CommandHandler(DeclareAffiliationCommand)
export class DeclareAffiliationHandler implements ICommandHandler<DeclareAffiliationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
  ) {}

  execute({ organizationId, body, context }: DeclareAffiliationCommand): Promise<WriteResult> {
    // The guidance centre records any affiliation; an organization declares its own.
    if (context.principal.role !== 'admin') mustActFor(context.principal, organizationId, `declare affiliations of organization ${organizationId}`);
    return this.executor.execute(
      {
        recordType: 'Organization',
        id: organizationId,
        streamId: streams.organization(organizationId),
        decider: organization,
        mustExist: true,
        command: async (_state, metadata): Promise<DeclareAffiliation> => {
          const other = await this.records.state(streams.organization(body.otherOrgId), organization);
          return {
            type: 'DeclareAffiliation',
            data: { organizationId, ...body },
            metadata,
            facts: {
              otherOrganizationExists: other.status === 'registered',
              declaredByOther: other.status === 'registered' && other.affiliations.has(organizationId),
            },
          };
        },
      },
      context,
    );
  }
}
