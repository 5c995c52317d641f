import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max } from 'class-validator';
import { StationMonthDto } from '../service-report-fields';

/** A satisfaction survey of the station's service users in a month. */
export class RecordSatisfactionSurveyDto extends StationMonthDto {
  @ApiProperty({ example: 40, description: 'At least one' })
  @IsInt()
  @Max(1_000_000)
  respondents!: number;

  @ApiProperty({ example: 37, description: 'Respondents satisfied or very satisfied; at most the respondents' })
  @IsInt()
  @Max(1_000_000)
  satisfied!: number;
}
