import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { UnitScopeProvider } from './scope/UnitScope';
import { ROUTES, PUBLIC_ROUTES } from './modules';
import { LoginPage } from './pages/auth/LoginPage';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage';

function SignedIn() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  if (me?.mustChangePassword && location.pathname !== '/doi-mat-khau') return <Navigate to="/doi-mat-khau" replace />;
  return (
    <UnitScopeProvider>
      <AppLayout>
        <Routes>
          {ROUTES.map((r) => <Route key={r.path} path={r.path} element={r.element} />)}
          <Route path="/doi-mat-khau" element={<ChangePasswordPage />} />
          <Route path="*" element={<Result status="404" title="404" subTitle={t('errors.notFoundPage')} />} />
        </Routes>
      </AppLayout>
    </UnitScopeProvider>
  );
}

export function App() {
  const { data: me, isLoading, isError } = useMe();
  const client = useQueryClient();
  const location = useLocation();
  useEffect(() => {
    const onExpired = () => client.invalidateQueries({ queryKey: ['me'] });
    window.addEventListener('cds:unauthenticated', onExpired);
    return () => window.removeEventListener('cds:unauthenticated', onExpired);
  }, [client]);

  const publicRoute = PUBLIC_ROUTES.find((r) => location.pathname.startsWith(r.path.replace(/:.*$/, '')));
  if (publicRoute) return <Routes>{PUBLIC_ROUTES.map((r) => <Route key={r.path} path={r.path} element={r.element} />)}</Routes>;
  if (isLoading) return <Spin fullscreen />;
  if (isError || !me) {
    return (
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/dang-nhap" replace />} />
      </Routes>
    );
  }
  if (location.pathname === '/dang-nhap') return <Navigate to="/" replace />;
  return <SignedIn />;
}
