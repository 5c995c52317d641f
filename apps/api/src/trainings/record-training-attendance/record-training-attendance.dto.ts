import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNumber, Max, Min } from 'class-validator';
import { IsId } from '../../http/validators';

export class RecordTrainingAttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Registered social workers, each credited once per training' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  socialWorkerIds!: string[];

  @ApiProperty({ example: 6, description: "Hours credited to each: positive whole minutes, at most the training's hours" })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  hoursCredited!: number;
}
