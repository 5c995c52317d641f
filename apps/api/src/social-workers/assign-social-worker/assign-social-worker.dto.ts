import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Post as PostKind, POSTS } from '@sws/stations-contracts';
import { IsCalendarDate, IsId } from '../../http/validators';

export class AssignSocialWorkerDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  contractId!: string;

  @ApiProperty({ format: 'uuid', description: 'One of the contract stations' })
  @IsId()
  stationId!: string;

  @ApiProperty({ enum: POSTS, description: 'resident 驻站社工, station_lead 站长, village_room 村(社区)社工室' })
  @IsIn(POSTS)
  post!: PostKind;

  @ApiProperty({ example: '2026-01-05', description: "The first day at the station: within the contract's term, not after today" })
  @IsCalendarDate()
  from!: string;
}
