import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Position } from '@sws/event-store';
import { FastifyReply } from 'fastify';
import { Principal } from '../auth/principal';
import { readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller } from '../http/request-context.decorator';
import { OptionalField } from '../http/validators';
import { dossierCsv } from './get-renewal-dossier/dossier-csv';
import { dossierHtml } from './get-renewal-dossier/dossier-html';
import { GetRenewalDossierQuery } from './get-renewal-dossier/get-renewal-dossier.query';
import { RenewalDossier } from './get-renewal-dossier/renewal-dossier';
import { GetContractReviewsQuery } from './get-contract-reviews/get-contract-reviews.query';
import { GetRenewalEligibilityQuery } from './get-renewal-eligibility/get-renewal-eligibility.query';
import { RenewalEligibilityQueryDto } from './get-renewal-eligibility/renewal-eligibility-query.dto';

const FORMATS = ['json', 'html', 'csv'] as const;

export class DossierQueryDto {
  @OptionalField()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];

  @OptionalField()
  @IsString()
  @MaxLength(64)
  minPosition?: string;
}

/** What procurement comes for: may this contract be renewed, why, and everything behind it. */
@ApiTags('renewal')
@Controller('contracts')
export class ContractRenewalController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':contractId/renewal-eligibility')
  @Roles(...readerRoles('contract'))
  eligibility(
    @Param('contractId', IdParam) contractId: string,
    @Query() query: RenewalEligibilityQueryDto,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    const { asOf, knownAt } = query;
    return this.queries.execute(new GetRenewalEligibilityQuery(contractId, { asOf, knownAt }, minPosition, caller));
  }

  /** The contract's renewal reviews with their decisions and rectifications: where a reviewer finds the open one. */
  @Get(':contractId/renewal-reviews')
  @Roles('admin', 'procurement', 'operator')
  @ApiQuery({ name: 'minPosition', required: false })
  reviews(
    @Param('contractId', IdParam) contractId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetContractReviewsQuery(contractId, minPosition, caller));
  }

  /** As JSON (default), as a printable page in Chinese (`?format=html`), or its figures as CSV (`?format=csv`). */
  @Get(':contractId/renewal-dossier')
  @Roles(...readerRoles('contract'))
  @ApiQuery({ name: 'format', enum: FORMATS, required: false })
  @ApiProduces('application/json', 'text/html', 'text/csv')
  async dossier(
    @Param('contractId', IdParam) contractId: string,
    @Query() query: DossierQueryDto,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const dossier: RenewalDossier = await this.queries.execute(new GetRenewalDossierQuery(contractId, minPosition, caller));
    switch (query.format ?? 'json') {
      case 'html':
        reply.type('text/html; charset=utf-8');
        return dossierHtml(dossier);
      case 'csv':
        reply.type('text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="renewal-dossier-${contractId}.csv"`);
        return dossierCsv(dossier);
      default:
        return { data: dossier, position: dossier.position };
    }
  }
}
