import { Card, Col, Row, Statistic, Typography, List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe, hasAnywhere } from '../../auth/session';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { ROUTES } from '../../modules';
import { fmtNumber } from '../../components/format';
import { HOME_WIDGETS } from './widgets';

/** The home of every role: who and where they are, then the widgets modules contribute for that role. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unit } = useUnitScope();
  const href = useScopedHref();
  const widgets = HOME_WIDGETS.filter((w) => !w.permission || hasAnywhere(me, w.permission));
  const links = ROUTES.filter((r) => r.menu && r.path !== '/' && (!r.permission || hasAnywhere(me, r.permission)));
  return (
    <>
      <Typography.Title level={3} className="cds-page-title">{t('home.welcome', { name: me?.fullName })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {me?.grants.map((g) => <Tag key={g.id} color="blue">{t(`roles.${g.role}`)} · {g.unitName}</Tag>)}
      </Typography.Paragraph>
      {unit && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Card><Statistic title={t('home.unitsBelow')} value={unit.childCount} formatter={(v) => fmtNumber(Number(v))} /></Card></Col>
          <Col xs={12} md={6}><Card><Statistic title={t('home.grassroots')} value={unit.grassrootsCount} formatter={(v) => fmtNumber(Number(v))} /></Card></Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        {widgets.map((w) => <Col key={w.key} xs={24} lg={w.wide ? 24 : 12}>{w.element}</Col>)}
        <Col xs={24} lg={12}>
          <Card title={t('home.quickLinks')}>
            <List dataSource={links} renderItem={(r) => (
              <List.Item><Link to={href(r.path)}>{r.icon} {t(r.menu!)}</Link></List.Item>
            )} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
