import 'server-only';
import type { Metadata } from 'next';
import type { MessageKey } from './messages';
import { getI18n } from './server';

/** A page's `generateMetadata`: its tab title in the viewer's language. */
export function translatedTitle(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: (await getI18n()).t(key) });
}
