import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { memoizeValidationRules } from './validation-rules-memo';

memoizeValidationRules();

const rulesOf = (target: new () => object) =>
  getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);

describe('memoizeValidationRules', () => {
  it('looks up the rules of a class once, not on every validation', () => {
    class Input {
      @IsString()
      name!: string;
    }
    expect(rulesOf(Input)).toBe(rulesOf(Input));
    expect(rulesOf(Input)).toHaveLength(1);
  });

  it('answers as class-validator does, inherited rules included, for every option', () => {
    class Base {
      @IsString()
      name!: string;
    }
    class Derived extends Base {
      @IsInt({ groups: ['strict'] })
      count!: number;
    }
    const storage = getMetadataStorage();
    const fields = (groups?: string[]) =>
      storage
        .getTargetValidationMetadatas(Derived, '', false, false, groups)
        .map((rule) => rule.propertyName)
        .sort();
    expect(fields()).toEqual(['count', 'name']);
    expect(fields(['strict'])).toEqual(['count']);
    expect(fields()).toEqual(['count', 'name']);
    const input = Object.assign(new Derived(), { name: 7, count: 'x' });
    expect(validateSync(input).map((error) => error.property)).toEqual(['count', 'name']);
  });

  it('sees a rule registered after the class was validated', () => {
    class Late {
      @IsString()
      name!: string;
    }
    const long = Object.assign(new Late(), { name: 'too long' });
    expect(validateSync(long)).toEqual([]);
    // A decorator applied later, as a class defined after the first
    // validation (or a library's registerDecorator) would.
    MaxLength(3)(Late.prototype, 'name');
    expect(validateSync(long).map((error) => Object.keys(error.constraints ?? {}))).toEqual([
      ['maxLength'],
    ]);
  });
});
