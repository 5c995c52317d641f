import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ListQueryDto } from '../http/list-query.dto';
import { IsId, OptionalField } from '../http/validators';
import { CONTRACT_STATUSES, ContractStatus } from './contract-staffing';

/** A page of contracts, narrowed by where they stand today and by their parties. */
export class ContractListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, description: 'Where the contract stands today (China time)' })
  @OptionalField()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only contracts this organization purchases' })
  @OptionalField()
  @IsId()
  purchaserOrgId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only contracts this organization operates' })
  @OptionalField()
  @IsId()
  operatorOrgId?: string;
}
