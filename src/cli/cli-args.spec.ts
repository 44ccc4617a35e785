import { listOf, parseFlags, UsageError } from './cli-args';

const SPEC = { required: ['brand', 'email'], optional: ['name'] } as const;

describe('parseFlags', () => {
  it('reads --flag value and --flag=value, keeping "=" and spaces inside values', () => {
    expect(
      parseFlags(
        'create-admin',
        ['--brand', 'lumen', '--email=a=b@c.example', '--name', 'Ada L.'],
        SPEC,
      ),
    ).toEqual({ brand: 'lumen', email: 'a=b@c.example', name: 'Ada L.' });
  });

  it('accepts an empty value given with "=" (validation judges it later)', () => {
    expect(parseFlags('create-admin', ['--brand=', '--email', 'x'], SPEC)).toEqual({
      brand: '',
      email: 'x',
    });
  });

  it('takes a value that starts with dashes only after "=", and one dash either way', () => {
    expect(parseFlags('create-admin', ['--brand=--odd', '--email', '-x'], SPEC)).toEqual({
      brand: '--odd',
      email: '-x',
    });
  });

  it.each([
    [['--brand', 'b'], '--email: is required'],
    [['--brand', 'b', '--email'], '--email: needs a value'],
    [['--brand', '--email', 'e'], '--brand: needs a value'],
    [['--brand', 'b', '--email', 'e', '--brand', 'c'], '--brand: is given twice'],
    [['--brand', 'b', '--email', 'e', '--role', 'X'], '--role: is not an option of create-admin'],
    [['-b', 'x'], 'unexpected argument "-b"'],
    [['--brand', 'b', '--email', 'e', 'more'], 'unexpected argument "more"'],
    [['--brand', 'b', '--', '--email', 'e'], 'unexpected argument "--"'],
    [['--password', 'secret'], '--password: a password is never an argument'],
  ])('refuses %j: %s', (args, message) => {
    const parse = () => parseFlags('create-admin', args, SPEC);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });
});

describe('listOf', () => {
  it('splits on commas, trims and drops empty items', () => {
    expect(listOf(' austin-downtown, dallas-uptown,,')).toEqual([
      'austin-downtown',
      'dallas-uptown',
    ]);
    expect(listOf(undefined)).toBeUndefined();
  });
});
