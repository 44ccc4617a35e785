/**
 * Money as editors type it (in the currency's major units, "349.50") and as
 * the API stores it (integer minor units, 34950). The number of minor units
 * comes from the currency itself (Intl), so JPY has none and BHD three.
 * Strings all the way: no float ever rounds an amount.
 */
export function minorUnitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** 34950, 'USD' → "349.50". */
export function minorToMajor(amountMinor: number, currency: string): string {
  const exponent = minorUnitsOf(currency);
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const sign = amountMinor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * "349.5", 'USD' → 34950. Thousands separators and spaces are ignored.
 * Returns a sentence for the editor when the text is not an amount.
 */
export function majorToMinor(
  text: string,
  currency: string,
): { amountMinor: number } | { problem: string } {
  const exponent = minorUnitsOf(currency);
  const plain = text.replace(/[\s,]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return { problem: `Enter an amount in ${currency}, e.g. ${example(exponent)}.` };
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    return {
      problem:
        exponent === 0
          ? `${currency} has no cents: enter a whole amount.`
          : `${currency} has ${exponent} digits after the point at most.`,
    };
  }
  const amountMinor = Number(match[1] + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(amountMinor) || amountMinor > 2 ** 31 - 1) {
    return { problem: 'This amount is too large.' };
  }
  return { amountMinor };
}

const example = (exponent: number) => (exponent === 0 ? '350' : `350.${'0'.repeat(exponent)}`);
