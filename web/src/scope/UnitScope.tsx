import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMe } from '../auth/session';

export interface Unit {
  id: number;
  parentId: number | null;
  path: string;
  kind: string;
  grassrootsKind: string | null;
  sector: string | null;
  code: string;
  name: string;
  shortName: string | null;
  ward: string | null;
  industrialZone: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  dissolutionReason: string | null;
  mergedIntoId: number | null;
  version: number;
  childCount: number;
  grassrootsCount: number;
  ancestors?: { id: number; name: string }[];
}

interface Scope {
  unitId: number | null;
  unit: Unit | undefined;
  setUnitId(id: number): void;
}

const ScopeContext = createContext<Scope>({ unitId: null, unit: undefined, setUnitId: () => {} });

/**
 * The unit whose subtree every page shows. It lives in the URL (?unit=), so a link shows a
 * colleague the same thing; by default it is the user's own (first) unit.
 */
export function UnitScopeProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const fromUrl = Number(params.get('unit')) || null;
  const readable = me?.grants.filter((g) => g.permissions.includes('unit.read')) ?? [];
  const unitId = fromUrl ?? readable[0]?.unitId ?? null;
  const { data: unit } = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => api.get<Unit>(`/api/units/${unitId}`),
    enabled: unitId !== null && readable.length > 0,
  });
  const setUnitId = useCallback((id: number) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('unit', String(id));
      return next;
    });
  }, [setParams]);
  const value = useMemo(() => ({ unitId, unit, setUnitId }), [unitId, unit, setUnitId]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export const useUnitScope = () => useContext(ScopeContext);

/** A link target that keeps the chosen unit. */
export function useScopedHref() {
  const [params] = useSearchParams();
  return (path: string) => {
    const unit = params.get('unit');
    return unit ? `${path}${path.includes('?') ? '&' : '?'}unit=${unit}` : path;
  };
}
