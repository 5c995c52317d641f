import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badField } from '../http/params';

/** A county (6 digits) or city (4 digits and 00) administrative division code; a province's (2 digits and 0000) too. */
@Injectable()
export class RegionCodeParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!/^\d{6}$/.test(value) || value.startsWith('00')) {
      throw badField(metadata.data ?? 'code', 'must be a 6-digit county code, or a city code ending in 00');
    }
    return value;
  }
}
