import {
  checkWebhookUrl,
  isPublicAddress,
  Lookup,
  OutboundPolicy,
  OutboundRefusal,
  resolveWebhookTarget,
} from './outbound-address';

const STRICT: OutboundPolicy = {
  allowHttp: false,
  allowPrivateHosts: false,
  allowedHosts: [],
  allowedPorts: [443, 80],
};

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.100.100.200', // Alibaba metadata (carrier-grade NAT range)
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254', // AWS metadata over IPv6
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '2002:a00:1::1', // 6to4 of 10.0.0.1
    '::7f00:1', // IPv4-compatible ::127.0.0.1, as URL parsing writes it
    '::a9fe:a9fe', // IPv4-compatible 169.254.169.254
    '::808:808', // IPv4-compatible, deprecated whatever it embeds
    '64:ff9b:1::a00:1', // local-use NAT64 of 10.0.0.1
    'ff02::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.215.14'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('checkWebhookUrl', () => {
  const refusal = (url: string, policy = STRICT) => {
    try {
      checkWebhookUrl(url, policy);
    } catch (error) {
      expect(error).toBeInstanceOf(OutboundRefusal);
      return (error as Error).message;
    }
    throw new Error(`expected ${url} to be refused`);
  };

  it('accepts https URLs of public hosts', () => {
    expect(checkWebhookUrl('https://hooks.example.com/in?x=1', STRICT).hostname).toBe(
      'hooks.example.com',
    );
  });

  it('refuses http unless allowed, and other schemes always', () => {
    expect(refusal('http://hooks.example.com/')).toBe('must start with https://');
    expect(
      checkWebhookUrl('http://hooks.example.com/', { ...STRICT, allowHttp: true }).protocol,
    ).toBe('http:');
    expect(refusal('ftp://hooks.example.com/', { ...STRICT, allowHttp: true })).toBe(
      'must start with https:// or http://',
    );
    expect(refusal('file:///etc/passwd')).toBe('must start with https://');
    expect(refusal('not a url')).toBe('is not a valid absolute URL');
  });

  it('refuses credentials in the URL', () => {
    expect(refusal('https://user:pw@hooks.example.com/')).toMatch(/user name or password/);
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/latest/meta-data',
    'https://169.254.169.254/latest/meta-data',
    'https://10.1.2.3:8443/',
    'https://0x7f.1/', // 127.0.0.1, as WHATWG URL normalizes it
    'https://2130706433/',
  ])('refuses the private IP literal in %s', (url) => {
    expect(refusal(url)).toMatch(/private or reserved address/);
  });

  it('lets an allow-listed host or the test switch through', () => {
    expect(
      checkWebhookUrl('https://127.0.0.1/', { ...STRICT, allowedHosts: ['127.0.0.1'] }),
    ).toBeTruthy();
    expect(checkWebhookUrl('https://[::1]/', { ...STRICT, allowedHosts: ['::1'] })).toBeTruthy();
    expect(
      checkWebhookUrl('https://10.0.0.1/', { ...STRICT, allowPrivateHosts: true }),
    ).toBeTruthy();
  });
});

describe('resolveWebhookTarget', () => {
  const dns =
    (answers: Record<string, string[]>): Lookup =>
    async (hostname) => {
      const found = answers[hostname];
      if (!found) throw new Error('ENOTFOUND');
      return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };

  it('returns the checked address to connect to', async () => {
    const target = await resolveWebhookTarget(
      new URL('https://hooks.example.com/x'),
      STRICT,
      dns({ 'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] }),
    );
    expect(target).toMatchObject({
      hostname: 'hooks.example.com',
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('refuses a name with any private answer (DNS rebinding, split answers)', async () => {
    await expect(
      resolveWebhookTarget(
        new URL('https://rebind.example.com/'),
        STRICT,
        dns({ 'rebind.example.com': ['93.184.215.14', '127.0.0.1'] }),
      ),
    ).rejects.toThrow(/resolves to a private or reserved address \(127\.0\.0\.1\)/);
    await expect(
      resolveWebhookTarget(
        new URL('https://metadata.example.com/'),
        STRICT,
        dns({ 'metadata.example.com': ['::ffff:169.254.169.254'] }),
      ),
    ).rejects.toThrow(OutboundRefusal);
  });

  it('refuses names that do not resolve', async () => {
    await expect(
      resolveWebhookTarget(new URL('https://nowhere.example.com/'), STRICT, dns({})),
    ).rejects.toThrow('host nowhere.example.com does not resolve');
  });

  it('resolves localhost through the system resolver and refuses it', async () => {
    await expect(resolveWebhookTarget(new URL('https://localhost/'), STRICT)).rejects.toThrow(
      /localhost resolves to a private or reserved address/,
    );
  });

  it('skips the address check for allow-listed hosts only', async () => {
    const lookup = dns({ 'hooks.internal': ['10.0.0.5'] });
    const url = new URL('https://hooks.internal/');
    await expect(resolveWebhookTarget(url, STRICT, lookup)).rejects.toThrow(OutboundRefusal);
    await expect(
      resolveWebhookTarget(url, { ...STRICT, allowedHosts: ['hooks.internal'] }, lookup),
    ).resolves.toMatchObject({ address: '10.0.0.5' });
  });
});
