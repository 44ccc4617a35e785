interface CurrencyFormat {
  formatter: Intl.NumberFormat;
  /** Digits after the decimal point, i.e. how many minor units make a major unit. */
  exponent: number;
}

// Locale used when only the currency's exponent matters (no rendering).
const NEUTRAL_LOCALE = 'en';

const formats = new Map<string, CurrencyFormat>();
let knownCurrencies: ReadonlySet<string> | undefined;

/** Renders integer minor units (cents) for display, e.g. (1005, 'USD', 'en-US') → "$10.05". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const { formatter, exponent } = currencyFormat(currency, locale);
  // Intl formats numeric strings as exact decimals, so no float ever rounds.
  return formatter.format(toDecimalString(amountMinor, exponent) as Intl.StringNumericLiteral);
}

/** Plain decimal string for machine-readable prices, e.g. (34900, 'USD') → "349.00". */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  return toDecimalString(amountMinor, currencyFormat(currency, NEUTRAL_LOCALE).exponent);
}

function toDecimalString(amountMinor: number, exponent: number): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new Error(
      `Money amount must be a safe integer number of minor units, got ${String(amountMinor)}`,
    );
  }
  const sign = amountMinor < 0 ? '-' : '';
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function currencyFormat(currency: string, locale: string): CurrencyFormat {
  const code = normalizeCurrency(currency);
  const key = `${locale}\u0000${code}`;
  let format = formats.get(key);
  if (!format) {
    let formatter: Intl.NumberFormat;
    try {
      formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
      });
    } catch (cause) {
      throw new Error(`Invalid locale "${locale}"`, { cause });
    }
    const exponent = formatter.resolvedOptions().maximumFractionDigits;
    if (exponent === undefined) {
      throw new Error(`No minor-unit exponent known for currency "${code}"`);
    }
    format = { formatter, exponent };
    formats.set(key, format);
  }
  return format;
}

/**
 * True for an ISO 4217 code the runtime knows, spelled in capitals ("USD").
 * Intl accepts any well-formed three-letter code (it would render "XYZ 1.00"),
 * so membership in the ICU currency list is what catches typos.
 */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

function normalizeCurrency(currency: string): string {
  const code = typeof currency === 'string' ? currency.toUpperCase() : '';
  if (!isKnownCurrency(code)) {
    throw new Error(
      `Invalid currency code "${String(currency)}" (expected an ISO 4217 code such as "USD")`,
    );
  }
  return code;
}
