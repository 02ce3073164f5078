import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AuthProvider, useAuth } from './features/auth/auth';
import { LoginPage } from './features/auth/LoginPage';
import { RequireArea } from './features/auth/RequireArea';
import { AppLayout } from './features/layout/AppLayout';
import { PlanListPage } from './features/plans/PlanListPage';
import { PlanPage } from './features/plans/PlanPage';
import { ImportWizardPage } from './features/imports/ImportWizardPage';
import { UnitsPage } from './features/admin/UnitsPage';
import { UsersPage } from './features/admin/UsersPage';
import { JurisdictionsPage } from './features/admin/JurisdictionsPage';
import { AuditPage } from './features/audit/AuditPage';
import { NotFoundPage } from './components/StatusPages';

function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="page-loading" role="status">
        <Spin description={t('app.loading')} />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<Navigate to="/plans" replace />} />
        <Route path="plans" element={<PlanListPage />} />
        <Route path="plans/:planId" element={<PlanPage />} />
        <Route
          path="imports/new"
          element={
            <RequireArea area="import">
              <ImportWizardPage />
            </RequireArea>
          }
        />
        <Route
          path="imports/:importId"
          element={
            <RequireArea area="import">
              <ImportWizardPage />
            </RequireArea>
          }
        />
        <Route
          path="admin/units"
          element={
            <RequireArea area="units">
              <UnitsPage />
            </RequireArea>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireArea area="users">
              <UsersPage />
            </RequireArea>
          }
        />
        <Route
          path="admin/jurisdictions"
          element={
            <RequireArea area="jurisdictions">
              <JurisdictionsPage />
            </RequireArea>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireArea area="audit">
              <AuditPage />
            </RequireArea>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function LocalizedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b8282e', colorLink: '#a8071a' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
