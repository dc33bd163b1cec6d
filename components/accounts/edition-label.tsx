import { EDITIONS, type Edition } from '@/lib/billing/catalog';
import { Badge } from '../ui/badge';

/** Editions always show both names, e.g. "Professional 专业版". */
export function editionName(edition: Edition): string {
  const info = EDITIONS[edition];
  return `${info.nameEn} ${info.nameZh}`;
}

export function EditionBadge({ edition }: { edition: Edition }) {
  const info = EDITIONS[edition];
  const tone = !info.paid ? 'neutral' : edition === 'FLAGSHIP' || edition === 'PRO' ? 'violet' : 'blue';
  return <Badge tone={tone}>{editionName(edition)}</Badge>;
}
