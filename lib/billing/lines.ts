import type Decimal from 'decimal.js';
import { LINE_CODES, type AddonCode, type Edition, type LineCode } from './catalog';
import { type Day, formatDay } from './dates';
import { roundToCents } from './money';
import { renderExplanation } from '../i18n/explain';
import type { Explanation, InvoiceLine } from './types';

/** What a rule produces for one line; `exact` is rounded here, once. */
export interface LineSpec {
  sdkAppId: number;
  code: LineCode;
  edition?: Edition;
  addon?: AddonCode;
  from: Day;
  to: Day;
  quantity: Decimal;
  unitPrice: Decimal;
  exact: Decimal;
  explanation: Explanation;
  /** Tie-break among lines of one app, day and code (domestic before international barrage). */
  sub?: number;
}

export interface LineDraft {
  line: InvoiceLine;
  from: Day;
  sub: number;
}

export type LineSink = LineDraft[];

export function pushLine(out: LineSink, spec: LineSpec): void {
  const line: InvoiceLine = {
    sdkAppId: spec.sdkAppId,
    code: spec.code,
    from: formatDay(spec.from),
    to: formatDay(spec.to),
    quantity: spec.quantity,
    unitPrice: spec.unitPrice,
    amount: roundToCents(spec.exact),
    explanation: spec.explanation,
  };
  if (spec.edition !== undefined) line.edition = spec.edition;
  if (spec.addon !== undefined) line.addon = spec.addon;
  out.push({ line, from: spec.from, sub: spec.sub ?? 0 });
}

const CODE_ORDER: Readonly<Record<LineCode, number>> = Object.fromEntries(LINE_CODES.map((c, i) => [c, i])) as Record<
  LineCode,
  number
>;

function compareStrings(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Deterministic order: app, first day, line code, add-on, sub-order, last day, English text (rendered only on a tie). */
export function compareDrafts(a: LineDraft, b: LineDraft): number {
  return (
    a.line.sdkAppId - b.line.sdkAppId ||
    a.from - b.from ||
    CODE_ORDER[a.line.code] - CODE_ORDER[b.line.code] ||
    compareStrings(a.line.addon, b.line.addon) ||
    a.sub - b.sub ||
    compareStrings(a.line.to, b.line.to) ||
    compareStrings(renderExplanation(a.line.explanation, 'en'), renderExplanation(b.line.explanation, 'en'))
  );
}
