import { ApiProperty } from '@nestjs/swagger';

export class WriteResponseDto {
  @ApiProperty({ description: 'The record id', format: 'uuid' })
  id!: string;
  @ApiProperty({ description: "The record's stream revision after this write (send it back as If-Match)" })
  revision!: number;
  @ApiProperty({ description: 'The global log position of this write (send it back as ?minPosition= to read your write)' })
  position!: string;
}
