import { useQuery, useQueryClient } from '@tanstack/react-query';
import { grantsAllow, type GrantView, type Permission } from '@cds/shared';
import { api } from '../api/client';

export interface Me {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  mustChangePassword: boolean;
  grants: (GrantView & { permissions: Permission[] })[];
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/api/auth/me'), retry: false, staleTime: 60_000 });
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api.post('/api/auth/logout');
    client.clear();
    window.location.assign('/dang-nhap');
  };
}

/** Whether the signed-in user holds a permission at a unit (by its path); the server checks again. */
export function allows(me: Me | undefined, permission: Permission, unitPath: string | undefined): boolean {
  return Boolean(me && unitPath && grantsAllow(me.grants, permission, unitPath));
}

export function hasAnywhere(me: Me | undefined, permission: Permission): boolean {
  return Boolean(me?.grants.some((g) => g.permissions.includes(permission)));
}
