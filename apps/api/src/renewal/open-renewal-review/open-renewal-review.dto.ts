import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsId, OptionalField } from '../../http/validators';

export class OpenRenewalReviewDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  contractId!: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'The business date the review judges; today when left out' })
  @OptionalField()
  @IsCalendarDate()
  asOf?: string;
}
