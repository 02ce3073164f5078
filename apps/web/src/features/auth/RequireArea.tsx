import type { ReactNode } from 'react';
import { ForbiddenPage } from '../../components/StatusPages';
import { canOpen, type Area } from './access';
import { useAuth } from './auth';

/** Renders the page only for roles that may open the area; everyone else gets the 403 page. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { user } = useAuth();
  if (!canOpen(user?.role, area)) return <ForbiddenPage />;
  return <>{children}</>;
}
