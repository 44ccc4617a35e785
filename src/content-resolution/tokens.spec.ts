import {
  findUnknownTokens,
  KNOWN_TOKENS,
  renderTokens,
  renderTokensDeep,
  type TokenContext,
} from './tokens';

const austin: TokenContext = {
  brand: { name: 'Glow Clinics' },
  clinic: {
    name: 'Glow Austin',
    city: 'Austin',
    phone: '+1 512 555 0100',
    email: 'austin@glow.example',
    addressLine1: '12 Main St',
    addressRegion: 'TX',
    postalCode: '78701',
  },
};
const brandOnly: TokenContext = { brand: austin.brand, clinic: null };

describe('renderTokens', () => {
  it.each([
    ['{{clinic.name}}', 'Glow Austin'],
    ['{{clinic.city}}', 'Austin'],
    ['{{clinic.phone}}', '+1 512 555 0100'],
    ['{{clinic.email}}', 'austin@glow.example'],
    ['{{clinic.address}}', '12 Main St, Austin, TX 78701'],
    ['{{clinic.region}}', 'TX'],
    ['{{brand.name}}', 'Glow Clinics'],
  ])('renders %s for a clinic', (token, expected) => {
    expect(renderTokens(token, austin)).toBe(expected);
  });

  it('covers every known token', () => {
    expect([...KNOWN_TOKENS].sort()).toEqual(
      [
        'brand.name',
        'clinic.address',
        'clinic.city',
        'clinic.email',
        'clinic.name',
        'clinic.phone',
        'clinic.region',
      ].sort(),
    );
  });

  it('allows whitespace inside the braces', () => {
    expect(renderTokens('Visit {{ clinic.name }} in {{\tclinic.city}}.', austin)).toBe(
      'Visit Glow Austin in Austin.',
    );
  });

  it('leaves out address parts the clinic lacks', () => {
    const clinic = { ...austin.clinic!, addressRegion: null, postalCode: null };
    expect(renderTokens('{{clinic.address}}', { ...austin, clinic })).toBe('12 Main St, Austin');
  });

  it('removes unknown tokens and tidies the gap', () => {
    expect(renderTokens('Fax us at {{clinic.fax}}.', austin)).toBe('Fax us at.');
    expect(renderTokens('Hi {{ nope }} there', austin)).toBe('Hi there');
  });

  it.each([
    ['Price {{ from', 'Price from'],
    ['Price }} from', 'Price from'],
    ['{{clinic.name}', 'clinic.name}'],
    ['{{{clinic.city}}{', '{Austin{'],
    ['{{{{x}}}}', ''],
    ['{{{x}}{', ''],
  ])('removes stray braces in %j', (text, expected) => {
    const out = renderTokens(text, austin);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/\{\{|\}\}/);
  });

  it('renders brand-only copy without a clinic', () => {
    const text =
      'Welcome to {{clinic.name}} in {{clinic.city}} {{clinic.region}}. Call {{ clinic.phone }}, or write to {{clinic.email}}!';
    expect(renderTokens(text, brandOnly)).toBe('Welcome to Glow Clinics in. Call, or write to!');
    expect(renderTokens('{{clinic.city}} {{brand.name}}', brandOnly)).toBe('Glow Clinics');
  });

  it('keeps Markdown whitespace away from removed tokens', () => {
    const md = 'Intro\n\n    code  block\n- item {{clinic.phone}}\n  - nested';
    expect(renderTokens(md, brandOnly)).toBe('Intro\n\n    code  block\n- item\n  - nested');
    expect(renderTokens('  {{clinic.city}} clinic', brandOnly)).toBe('  clinic');
  });

  it('treats a missing phone like an empty token', () => {
    const clinic = { ...austin.clinic!, phone: null };
    expect(renderTokens('Call {{clinic.phone}} today', { ...austin, clinic })).toBe('Call today');
  });
});

describe('renderTokensDeep', () => {
  it('renders every string in nested arrays and objects, not keys', () => {
    const input = Object.freeze({
      '{{clinic.name}}': 'key stays',
      sections: Object.freeze([
        Object.freeze({
          key: 'intro',
          heading: 'At {{clinic.name}}',
          body: 'In {{clinic.city}}',
        }),
      ]),
      aftercare: Object.freeze(['Call {{clinic.phone}}', 42, null]),
    });
    expect(renderTokensDeep(input, austin)).toEqual({
      '{{clinic.name}}': 'key stays',
      sections: [{ key: 'intro', heading: 'At Glow Austin', body: 'In Austin' }],
      aftercare: ['Call +1 512 555 0100', 42, null],
    });
  });

  it('leaves non-plain objects alone', () => {
    const date = new Date(0);
    expect(renderTokensDeep({ at: date }, austin).at).toBe(date);
  });
});

describe('findUnknownTokens', () => {
  it('accepts known tokens', () => {
    expect(findUnknownTokens('{{clinic.name}} {{ brand.name }}')).toEqual([]);
  });

  it('reports unknown names and malformed fragments once each', () => {
    expect(
      findUnknownTokens('A {{clinic.fax}} B {{clinic.fax}} C {{ }} D {{clinic.name} E oops}} F {{'),
    ).toEqual(['clinic.fax', '{{ }}', '{{clinic.name', 'oops}}', '{{']);
  });
});
