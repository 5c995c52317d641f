import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { SESSION_FORMATS, SUPERVISION_FUNCTIONS } from '@sws/supervision';
import { IsCalendarDate, IsId, OptionalField } from '../http/validators';

/**
 * The fields of a session as the supervisor states it, described once for logging (all
 * required) and for a correction (each optional). Range rules (15–480 minutes, a time of day,
 * one supervisee for an individual session…) are the domain's, answered with their 422 codes.
 */
const FIELDS = {
  contractId: [{ format: 'uuid' }, IsId()],
  stationId: [{ format: 'uuid', description: "One of the contract's stations" }, IsId()],
  superviseeIds: [
    { type: [String], format: 'uuid', description: 'Social workers assigned to the station on that day: one for an individual session, two or more for a group' },
    IsArray(),
    ArrayMaxSize(100),
    IsId({ each: true }),
  ],
  heldOn: [{ example: '2026-03-12', description: 'Not after today; logged more than 30 days later, it is flagged late' }, IsCalendarDate()],
  startTime: [{ example: '14:00', description: 'HH:mm, China time' }, IsString(), MaxLength(5)],
  durationMinutes: [{ example: 120, description: '15 to 480 whole minutes' }, IsInt(), Min(0), Max(10_000)],
  format: [{ enum: SESSION_FORMATS }, IsIn(SESSION_FORMATS)],
  functions: [
    { enum: SUPERVISION_FUNCTIONS, isArray: true, description: 'One or more, each once' },
    IsArray(),
    ArrayMaxSize(10),
    IsIn(SUPERVISION_FUNCTIONS, { each: true }),
  ],
  topics: [{ type: [String], example: ['个案记录规范', '困境儿童个案跟进'] }, IsArray(), ArrayMaxSize(20), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(200, { each: true })],
  summary: [{ example: '督导三名社工梳理困境儿童个案的评估与服务计划' }, IsString(), IsNotEmpty(), MaxLength(5000)],
  followUps: [{ type: [String], example: ['下次督导前完成个案评估表'] }, IsArray(), ArrayMaxSize(20), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(500, { each: true })],
} as const;

export type SessionField = keyof typeof FIELDS;

/** The property decorators of one session field, required or optional. */
export function SessionFieldOf(field: SessionField, optional = false) {
  const [api, ...rules] = FIELDS[field] as unknown as [object, ...PropertyDecorator[]];
  return optional ? applyDecorators(ApiPropertyOptional(api), OptionalField(), ...rules) : applyDecorators(ApiProperty(api), ...rules);
}
