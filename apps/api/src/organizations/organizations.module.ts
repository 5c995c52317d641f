import { Module, OnModuleInit } from '@nestjs/common';
import { StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { CreditCodes } from './credit-codes';
import { DeclareAffiliationHandler } from './declare-affiliation/declare-affiliation.handler';
import { GetOrganizationHandler } from './get-organization/get-organization.handler';
import { OrganizationsController } from './organizations.controller';
import { RegisterOrganizationHandler } from './register-organization/register-organization.handler';

@Module({
  controllers: [OrganizationsController],
  providers: [CreditCodes, RegisterOrganizationHandler, DeclareAffiliationHandler, GetOrganizationHandler],
})
export class OrganizationsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    this.parties.register('Organization', async (id) => ((await this.readModels.current('organization-detail', id)) === null ? null : [id]));
  }
}
