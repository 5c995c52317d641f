import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max } from 'class-validator';
import { StationMonthDto } from '../service-report-fields';

// Types here; the domain judges the values (INVALID_FIGURE, INVALID_HOURS).
const Count = () => applyDecorators(IsInt(), Max(1_000_000));
const Hours = () => applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Max(100_000));

/** A station's output in a month. Counts are whole numbers from 0; hours are in whole minutes. */
export class ReportServiceOutputDto extends StationMonthDto {
  @ApiProperty({ example: 3, description: 'Cases opened (个案开案)' })
  @Count()
  casesOpened!: number;

  @ApiProperty({ example: 2, description: 'Cases closed (个案结案)' })
  @Count()
  casesClosed!: number;

  @ApiProperty({ example: 1, description: 'Group work sessions (小组活动节数)' })
  @Count()
  groupSessions!: number;

  @ApiProperty({ example: 2, description: 'Community activities (社区活动)' })
  @Count()
  communityActivities!: number;

  @ApiProperty({ example: 156, description: 'People served (服务人次)' })
  @Count()
  beneficiaries!: number;

  @ApiProperty({ example: 310, description: 'Hours of professional social work' })
  @Hours()
  professionalHours!: number;

  @ApiProperty({ example: 120, description: 'Hours of administrative work for the township (行政性事务): the 行政化 signal' })
  @Hours()
  administrativeHours!: number;
}
