import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import { CloseStation, RegisterStation, station, StationClosed, StationRegistered } from './station';

const spec = deciderSpecification(station);

/** 17:30 UTC on 31 March is already 1 April in China. */
const metadata: CommandMetadata = {
  now: '2026-03-31T17:30:00Z',
  actor: { userId: 'u-admin', role: 'admin', orgId: 'org-centre' },
};

const registrationData: StationRegistered['data'] = {
  stationId: 'st-1',
  name: '南头街道社工站',
  kind: 'street',
  region: { code: '440305001', province: '广东省', city: '深圳市', county: '南山区', township: '南头街道' },
  operatingModel: 'outsourced',
  villageCount: 12,
};

const registered: StationRegistered = { type: 'StationRegistered', data: registrationData };
const register: RegisterStation = { type: 'RegisterStation', data: registrationData, metadata };

const close = (on: string, reason = '乡镇合并'): CloseStation => ({
  type: 'CloseStation',
  data: { stationId: 'st-1', on, reason },
  metadata,
});
const closed = (on: string): StationClosed => ({ type: 'StationClosed', data: { stationId: 'st-1', on, reason: '乡镇合并' } });

describe('station', () => {
  describe('when registered', () => {
    it('records the registration', () => {
      spec.given([]).when(register).then([registered]);
    });

    it('refuses a second registration', () => {
      spec.given([registered]).when(register).thenFails('ALREADY_REGISTERED');
    });

    it('refuses a blank name and one holding a control character', () => {
      spec.given([]).when({ ...register, data: { ...registrationData, name: '\u3000\u200b' } }).thenFails('INVALID_NAME');
      spec.given([]).when({ ...register, data: { ...registrationData, name: '南头\n街道社工站' } }).thenFails('INVALID_NAME');
    });

    it('refuses to register a closed station again', () => {
      spec.given([registered, closed('2026-01-31')]).when(register).thenFails('ALREADY_REGISTERED');
    });
  });

  describe('when closed', () => {
    it('records the closure as taking effect on the day it names', () => {
      spec
        .given([registered])
        .when(close('2026-03-15'))
        .then([{ type: 'StationClosed', data: { stationId: 'st-1', on: '2026-03-15', reason: '乡镇合并' }, occurredAt: '2026-03-15' }]);
    });

    it('accepts a closure today in China even when it is still yesterday in UTC', () => {
      spec
        .given([registered])
        .when(close('2026-04-01'))
        .thenProduces((events) => expect(events).toEqual([expect.objectContaining({ occurredAt: '2026-04-01' })]));
    });

    it('refuses a closure dated after today', () => {
      spec.given([registered]).when(close('2026-04-02')).thenFails('DATE_IN_FUTURE');
    });

    it('refuses a closure without a reason, also one of invisible characters only', () => {
      spec.given([registered]).when(close('2026-03-31', '\u200b\u200b')).thenFails('REASON_REQUIRED');
    });

    it('refuses to close a station twice', () => {
      spec.given([registered, closed('2026-01-31')]).when(close('2026-03-01')).thenFails('STATION_CLOSED');
    });

    it('refuses to close a station that is not registered', () => {
      spec.given([]).when(close('2026-03-01')).thenFails('STATION_NOT_FOUND');
    });
  });
});
