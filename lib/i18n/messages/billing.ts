import type { MessagePair } from './index';

export const billing = {
  en: {},
  zh: {},
} satisfies MessagePair;
