import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { COUNTABLE_PERIOD_KINDS, CountablePeriodKind } from '@sws/renewal';
import { IsCalendarDate, OptionalField } from '../../http/validators';

const score = () => (target: object, property: string) => {
  OptionalField()(target, property);
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })(target, property);
  Min(0)(target, property);
  Max(100)(target, property);
};
const share = () => (target: object, property: string) => {
  OptionalField()(target, property);
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })(target, property);
  Min(0)(target, property);
  Max(1)(target, property);
};

/** Scores on the 100-point scale, compliance as shares from 0 to 1; those left out keep the previous version's. */
export class RenewalThresholdsDto {
  @ApiPropertyOptional({ example: 60 }) @score() ineligibleBelow?: number;
  @ApiPropertyOptional({ example: 80 }) @score() eligibleFrom?: number;
  @ApiPropertyOptional({ example: 60 }) @score() stationFailBelow?: number;
  @ApiPropertyOptional({ example: 0.9 }) @share() staffingCompliance?: number;
  @ApiPropertyOptional({ example: 0.8 }) @share() supervisionCompliance?: number;
  @ApiPropertyOptional({ example: 0.8 }) @share() trainingCompliance?: number;
}

/** Weights of each assessor kind's latest finalized annual score in the composite; they add up to 1. */
export class AssessorWeightsDto {
  @ApiPropertyOptional({ example: 0.6 }) @share() third_party?: number;
  @ApiPropertyOptional({ example: 0.2 }) @share() purchaser?: number;
  @ApiPropertyOptional({ example: 0.1 }) @share() community?: number;
  @ApiPropertyOptional({ example: 0.1 }) @share() service_users?: number;
}

export class PublishRenewalPolicyDto {
  @ApiProperty({ example: 2, description: 'The next version; version 1 is the SPEC default the service ships' })
  @IsInt()
  @Min(2)
  @Max(10_000)
  version!: number;

  @ApiProperty({ example: '2027-01-01', description: 'Contracts judged as of this date or later use this version' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @ApiPropertyOptional({ type: RenewalThresholdsDto })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => RenewalThresholdsDto)
  thresholds?: RenewalThresholdsDto;

  @ApiPropertyOptional({ type: AssessorWeightsDto, description: 'Replaces the previous weights whole' })
  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessorWeightsDto)
  assessorWeights?: AssessorWeightsDto;

  @ApiPropertyOptional({ enum: COUNTABLE_PERIOD_KINDS, isArray: true, description: 'The assessment periods that count' })
  @OptionalField()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(COUNTABLE_PERIOD_KINDS, { each: true })
  periodKinds?: CountablePeriodKind[];
}
