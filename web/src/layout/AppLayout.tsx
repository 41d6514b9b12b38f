import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Tooltip, Typography } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MENU_GROUPS, ROUTES } from '../modules';
import { hasAnywhere, useMe, useSignOut } from '../auth/session';
import { useScopedHref, useUnitScope } from '../scope/UnitScope';
import { UnitPicker } from '../components/UnitPicker';
import { LANGUAGE_KEY } from '../i18n';

function useMenuItems() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const href = useScopedHref();
  const visible = ROUTES.filter((r) => r.menu && (!r.permission || hasAnywhere(me, r.permission)));
  const items: any[] = [];
  for (const r of visible) {
    const item = { key: r.path, icon: r.icon, label: <Link to={href(r.path)}>{t(r.menu!)}</Link> };
    if (!r.group) { items.push(item); continue; }
    let group = items.find((i) => i.key === `group:${r.group}`);
    if (!group) {
      group = { key: `group:${r.group}`, icon: MENU_GROUPS[r.group].icon, label: t(MENU_GROUPS[r.group].label), children: [] };
      items.push(group);
    }
    group.children.push(item);
  }
  return { items, visible };
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const { unitId, unit, setUnitId } = useUnitScope();
  const { items, visible } = useMenuItems();
  const current = visible.filter((r) => r.path === '/' ? location.pathname === '/' : location.pathname.startsWith(r.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const canPickUnit = me?.grants.some((g) => g.permissions.includes('unit.read'));

  const menu = (
    <Menu theme="dark" mode="inline" selectedKeys={current ? [current.path] : []} defaultOpenKeys={current?.group ? [`group:${current.group}`] : []}
      items={items} onClick={() => setDrawer(false)} />
  );
  const switchLanguage = () => {
    const next = i18n.language === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANGUAGE_KEY, next);
    i18n.changeLanguage(next);
    document.documentElement.lang = next;
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={232} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <Link to="/" className="cds-brand"><img src="/favicon.svg" alt="" width={28} height={28} />{t('app.name')}</Link>
          {menu}
        </Layout.Sider>
      )}
      <Drawer open={mobile && drawer} onClose={() => setDrawer(false)} placement="left" size={260} styles={{ body: { padding: 0, background: '#001529' } }} title={t('app.name')}>
        {menu}
      </Drawer>
      <Layout>
        <Layout.Header className="cds-header">
          {mobile && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={() => setDrawer(true)} />}
          {canPickUnit && (
            <Tooltip title={t('layout.scopeHint')}>
              <span><UnitPicker value={unitId} initialLabel={unit?.name} onChange={(id) => setUnitId(id)} style={{ width: mobile ? 200 : 380 }} id="unit-scope" aria-label={t('layout.scope')} /></span>
            </Tooltip>
          )}
          <span style={{ flex: 1 }} />
          <Button type="text" icon={<GlobalOutlined />} onClick={switchLanguage}>{mobile ? '' : t('layout.language')}</Button>
          <Dropdown menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => navigate('/doi-mat-khau') },
              { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: signOut },
            ],
          }}>
            <Button type="text" icon={<Avatar size="small" icon={<UserOutlined />} />}>
              <span className="cds-hide-mobile">{me?.fullName}</span>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="cds-content">
          {unit && (
            <Breadcrumb style={{ marginBottom: 8 }} items={[
              ...(unit.ancestors ?? []).map((a) => ({ title: <a onClick={() => setUnitId(a.id)}>{a.name}</a> })),
              { title: unit.name },
              ...(current && current.path !== '/' ? [{ title: t(current.menu!) }] : []),
            ]} />
          )}
          {children}
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: 12 }} className="cds-no-print">
          <Typography.Text type="secondary">{t('app.name')} · {t('app.tagline')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
