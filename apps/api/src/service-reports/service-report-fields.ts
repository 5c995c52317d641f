import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, registerDecorator } from 'class-validator';
import { isMonth } from '@sws/stations-contracts';
import { IsId, IsNotBlank, OptionalField } from '../http/validators';

/** A calendar month as YYYY-MM. */
export function IsMonth() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMonth',
      target: target.constructor,
      propertyName,
      validator: { validate: isMonth, defaultMessage: (args) => `${args?.property} must be a month as YYYY-MM, such as 2026-03` },
    });
}

/** Which station and month a report is for, and why it replaces an earlier one. */
export class StationMonthDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  stationId!: string;

  @ApiProperty({ example: '2026-03', description: 'Not after the current month' })
  @IsMonth()
  month!: string;

  @ApiPropertyOptional({
    example: '3月结案数漏报2件,更正',
    description: "Required when the station's month was reported already (the report is then a correction); refused on a first report",
  })
  @OptionalField()
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason?: string;
}
