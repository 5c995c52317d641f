import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganizationDetail } from '@sws/stations-contracts';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { GetOrganizationQuery } from './get-organization.query';

@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery, ReadResponse<OrganizationDetail>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ organizationId, minPosition }: GetOrganizationQuery): Promise<ReadResponse<OrganizationDetail>> {
    const { document, position } = await this.readModels.read<OrganizationDetail>('organization-detail', organizationId, minPosition);
    return { data: found('Organization', organizationId, document), position };
  }
}
