import { Module } from '@nestjs/common';
import { DeclareAffiliationHandler } from './declare-affiliation/declare-affiliation.handler';
import { GetOrganizationHandler } from './get-organization/get-organization.handler';
import { OrganizationsController } from './organizations.controller';
import { RegisterOrganizationHandler } from './register-organization/register-organization.handler';

@Module({
  controllers: [OrganizationsController],
  providers: [RegisterOrganizationHandler, DeclareAffiliationHandler, GetOrganizationHandler],
})
export class OrganizationsModule {}
