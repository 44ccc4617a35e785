import { hashPassword, unknownUserHash, verifyPassword } from './password';

/** The cost parameters of a PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
function parametersOf(hash: string): Record<string, number> {
  const [, algorithm, , parameters] = hash.split('$');
  expect(algorithm).toBe('argon2id');
  return Object.fromEntries(
    parameters.split(',').map((pair) => {
      const [name, value] = pair.split('=');
      return [name, Number(value)];
    }),
  );
}

/** Runs `work` as if NODE_ENV were `value` (the parameters are read at each call). */
async function withNodeEnv<T>(value: string | undefined, work: () => Promise<T>): Promise<T> {
  const set = (to: string | undefined) => {
    if (to === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = to;
  };
  const before = process.env.NODE_ENV;
  set(value);
  try {
    return await work();
  } finally {
    set(before);
  }
}

// OWASP's floor for argon2id is 19 MiB, 2 passes; production keeps the library's defaults.
const STRONG = { m: 65536, t: 3, p: 4 };

describe('password hashing', () => {
  it.each(['production', 'development', undefined])(
    'uses the strong parameters when NODE_ENV is %s',
    async (nodeEnv) => {
      const hash = await withNodeEnv(nodeEnv, () => hashPassword('correct horse battery'));
      expect(parametersOf(hash)).toEqual(STRONG);
      // An unknown email is checked against a hash of the same cost (no timing oracle).
      expect(parametersOf(await withNodeEnv(nodeEnv, async () => unknownUserHash()))).toEqual(
        STRONG,
      );
      expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    },
  );

  it('uses the cheapest parameters only under NODE_ENV=test, where specs log in many times', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const hash = await hashPassword('correct horse battery');
    expect(parametersOf(hash)).toEqual({ m: 1024, t: 1, p: 1 });
    expect(parametersOf(unknownUserHash())).toEqual({ m: 1024, t: 1, p: 1 });
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong')).toBe(false);
  });

  it('verifies a hash made with other parameters (they travel in the hash)', async () => {
    const strong = await withNodeEnv('production', () => hashPassword('pass phrase'));
    expect(await verifyPassword(strong, 'pass phrase')).toBe(true);
    expect(await verifyPassword('not a hash', 'pass phrase')).toBe(false);
  });
});
