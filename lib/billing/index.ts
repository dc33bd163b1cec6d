/**
 * The billing engine's public surface. Pure: no database, no framework, no clock.
 */
export * from './catalog';
export * from './types';
export { BillingRuleError, isBillingRuleError, assertNever } from './errors';
export {
  addDays,
  addMonths,
  countDays,
  isValidDate,
  isValidMonth,
  monthBounds,
  monthOf,
  nextMonth,
} from './dates';
export { Money, formatAmount, formatPlain, roundToCents } from './money';
export {
  PriceTable,
  preparePriceBooks,
  priceBookFromRows,
  priceBookInForce,
  priceBookRows,
  priceBookSchema,
  type PriceBookInput,
} from './price-books';
export { effectiveLimits, fallingLimits, LIMIT_EQUIVALENTS, type AddonHolding, type EffectiveLimit, type FallingLimit } from './limits';
export { migrationEffectiveOn } from './migration';
export { appStateOn, type AddonHoldingState, type AppState, type AppStateOptions } from './state';
export { diffInvoices, rateAccount, validateNewEvent, type InvoiceDiff, type ValidateNewEventOptions } from './rate';
export {
  invoiceData,
  lineData,
  serializeInvoice,
  serializeLine,
  type InvoiceData,
  type InvoiceJson,
  type InvoiceLineData,
  type InvoiceLineJson,
} from './serialize';
export {
  formatPath,
  formatSimulatorOutput,
  simulate,
  simulatorInputSchema,
  type SimulateResult,
  type SimulatorInput,
  type SimulatorOutput,
} from './simulator';
