import type { MessagePair } from './index';

export const plans = {
  en: {},
  zh: {},
} satisfies MessagePair;
