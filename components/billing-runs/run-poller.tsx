'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While a run is RUNNING, re-renders the page (fresh counters from the server) every second. */
export function RunPoller({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
