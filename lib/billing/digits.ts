/**
 * Digit grouping for the figures a customer reads in an explanation. Kept apart from money.ts
 * (and decimal.js) so the explanation renderer can run in the browser without them.
 */

function groupDigits(intPart: string): string {
  if (intPart.length <= 3) return intPart;
  let first = intPart.length % 3;
  if (first === 0) first = 3;
  let out = intPart.slice(0, first);
  for (let i = first; i < intPart.length; i += 3) out += `,${intPart.slice(i, i + 3)}`;
  return out;
}

/** `25310` -> `25,310`. */
export function formatCount(n: number): string {
  if (n < 0) return `-${groupDigits(String(-n))}`;
  return groupDigits(String(n));
}

/** A plain decimal text grouped: `2999` -> `2,999`, `0.015` stays `0.015`, sign kept. */
export function groupDecimalText(s: string): string {
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot);
  return `${negative ? '-' : ''}${groupDigits(intPart)}${frac}`;
}

/**
 * A JSON number's decimal text: its shortest round-trip form (`String(n)`, what JSON.stringify
 * writes back), with an exponent spelled out by moving the point (`1.5e-7` -> `0.00000015`),
 * never through float arithmetic. Null for NaN and the infinities.
 */
export function decimalTextOfNumber(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}
