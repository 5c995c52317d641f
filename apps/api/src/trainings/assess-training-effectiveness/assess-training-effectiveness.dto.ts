import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../http/validators';

export class AssessTrainingEffectivenessDto {
  @ApiProperty({ format: 'uuid', description: 'A social worker credited for the training' })
  @IsId()
  socialWorkerId!: string;

  @ApiProperty({ example: 86, description: '0 to 100' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-1000)
  @Max(1000)
  score!: number;

  @ApiProperty({ example: '培训前后测对比' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  method!: string;
}
