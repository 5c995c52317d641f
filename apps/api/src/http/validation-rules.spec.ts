import 'reflect-metadata';
import { IsInt, IsString, ValidateNested, validate } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { rememberValidationRules } from './validation-rules';

class Base {
  @IsString()
  name!: string;
}

class Item {
  @IsInt()
  score!: number;
}

class Child extends Base {
  @IsInt()
  count!: number;

  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

class Later {
  @IsString()
  name!: string;

  note!: string;
}

const problems = async (type: new () => object, plain: object) =>
  (await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })).map((error) => [
    error.property,
    Object.keys(error.constraints ?? {}).sort(),
    (error.children ?? []).map((child) => child.property),
  ]);

describe('remembered validation rules', () => {
  const bad = { name: 7, count: 'x', extra: true, items: [{ score: 1 }, { score: 'two' }] };

  it('find what class-validator finds, inherited and nested rules and unknown fields included', async () => {
    const before = await problems(Child, bad);
    expect(before).toEqual([
      ['extra', ['whitelistValidation'], []],
      ['count', ['isInt'], []],
      ['items', [], ['1']],
      ['name', ['isString'], []],
    ]);
    rememberValidationRules();
    expect(await problems(Child, bad)).toEqual(before);
    expect(await problems(Child, bad)).toEqual(before);
    expect(await problems(Child, { name: 'a', count: 1, items: [{ score: 2 }] })).toEqual([]);
  });

  it('forget what they kept when a rule is added', async () => {
    rememberValidationRules();
    expect(await problems(Later, { name: 'a', note: 'n' })).toEqual([['note', ['whitelistValidation'], []]]);
    IsString()(Later.prototype, 'note');
    expect(await problems(Later, { name: 'a', note: 'n' })).toEqual([]);
    expect(await problems(Later, { name: 'a', note: 3 })).toEqual([['note', ['isString'], []]]);
  });
});
