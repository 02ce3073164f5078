import { Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  FileTextOutlined,
  KeyOutlined,
  LogoutOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
  BankOutlined,
} from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { canOpen, type Area } from '../auth/access';
import { useAuth } from '../auth/auth';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { LanguageSwitch } from './LanguageSwitch';

const navItems: { area: Area; path: string; label: MessageKey; icon: ReactNode }[] = [
  { area: 'plans', path: '/plans', label: 'nav.plans', icon: <FileTextOutlined /> },
  { area: 'import', path: '/imports/new', label: 'nav.import', icon: <UploadOutlined /> },
  { area: 'units', path: '/admin/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { area: 'users', path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
  { area: 'jurisdictions', path: '/admin/jurisdictions', label: 'nav.jurisdictions', icon: <BankOutlined /> },
  { area: 'audit', path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
];

export function AppLayout() {
  const { t } = useI18n();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = navItems
    .filter((item) => canOpen(user?.role, item.area))
    .map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }));
  const selected = navItems
    .map((item) => item.path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Text className="app-brand" strong>
          {t('app.title')}
        </Typography.Text>
        <Space size="middle" className="app-header-right">
          {user && (
            <span className="app-user">
              <UserOutlined aria-hidden /> {user.displayName}
              <Typography.Text type="secondary" className="app-user-role">
                {t(`role.${user.role}`)} · {user.jurisdictionName}
                {user.unitName ? ` · ${user.unitName}` : ''}
              </Typography.Text>
            </span>
          )}
          <LanguageSwitch />
          <Button type="text" icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
            {t('password.change')}
          </Button>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={() => void logout().then(() => navigate('/login'))}
          >
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} className="app-sider">
          <nav aria-label={t('app.short')}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
    </Layout>
  );
}
