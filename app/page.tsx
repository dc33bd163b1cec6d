import { redirect } from 'next/navigation';
import { homeFor } from '@/components/shell/nav';
import { getActor } from '@/lib/auth/guard';

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor.role) : '/signin');
}
