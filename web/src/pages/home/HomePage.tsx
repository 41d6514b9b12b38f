import { Badge, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Light } from '@cds/shared';
import { api, qs } from '../../api/client';
import { allows, hasAnywhere, useMe } from '../../auth/session';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { ROUTES } from '../../modules';
import { fmtNumber } from '../../components/format';

interface HomeSection {
  key: string;
  count: number;
  href: string;
  items: { title: string; detail?: string | null; href: string; tone?: 'danger' | 'warning' | 'normal' }[];
}
interface TargetSummary { targetId: number; code: string; title: string; light: Light }

const LIGHT_COLOR: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322', grey: '#8c8c8c' };
const TONE_COLOR = { danger: 'red', warning: 'orange', normal: 'blue' } as const;
const THIS_YEAR = new Date().getFullYear();

/** The year's targets with their lights, worst first: the first thing an officer or observer sees. */
function TargetsCard({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const href = useScopedHref();
  const { data, isLoading } = useQuery({
    queryKey: ['programme-dashboard', { unitId, year: THIS_YEAR }],
    queryFn: () => api.get<{ targets: TargetSummary[] }>(`/api/programme/dashboard${qs({ unitId, year: THIS_YEAR })}`),
  });
  const targets = data?.targets ?? [];
  const order: Light[] = ['red', 'yellow', 'green', 'grey'];
  const count = (l: Light) => targets.filter((x) => x.light === l).length;
  return (
    <Card title={t('home.targetsOfYear', { year: THIS_YEAR })} loading={isLoading} extra={<Link to={href('/chuong-trinh')}>{t('home.seeAll')}</Link>}>
      {targets.length === 0 ? <Empty description={t('home.noTargets')} /> : (
        <>
          <Row gutter={8} style={{ marginBottom: 12 }}>
            {order.map((l) => (
              <Col span={6} key={l}><Statistic title={<Badge color={LIGHT_COLOR[l]} text={t(`programme.lights.${l}`)} />} value={count(l)} /></Col>
            ))}
          </Row>
          <List size="small" dataSource={[...targets].sort((a, b) => order.indexOf(a.light) - order.indexOf(b.light)).slice(0, 6)}
            renderItem={(x) => (
              <List.Item><Link to={href('/chuong-trinh')}><Badge color={LIGHT_COLOR[x.light]} /> <b>{x.code}</b> {x.title}</Link></List.Item>
            )} />
        </>
      )}
    </Card>
  );
}

function SectionCard({ section }: { section: HomeSection }) {
  const { t } = useTranslation();
  const href = useScopedHref();
  return (
    <Card title={<Space>{t(`home.sections.${section.key}`)}<Badge count={section.count} overflowCount={999} color={section.count ? '#cf1322' : '#8c8c8c'} showZero /></Space>}
      extra={section.count > section.items.length ? <Link to={href(section.href)}>{t('home.seeAll')}</Link> : null}>
      {section.items.length === 0 ? <Typography.Text type="secondary">{t('home.nothingToDo')}</Typography.Text> : (
        <List size="small" dataSource={section.items} renderItem={(item) => (
          <List.Item>
            <List.Item.Meta title={<Link to={href(item.href)}>{item.title}</Link>}
              description={item.detail ? <Tag color={TONE_COLOR[item.tone ?? 'normal']}>{item.detail}</Tag> : null} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** The home of every role: the year's targets, then what is waiting to be done in the chosen unit, then the modules. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const href = useScopedHref();
  const { data: home } = useQuery({
    queryKey: ['home', unitId],
    queryFn: () => api.get<{ sections: HomeSection[] }>(`/api/home${qs({ unitId })}`),
    enabled: Boolean(unitId),
  });
  const links = ROUTES.filter((r) => r.menu && r.path !== '/' && (!r.permission || hasAnywhere(me, r.permission)));
  const readsTargets = unitId !== null && allows(me, 'programme.read', unit?.path);
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
        {readsTargets && <Col xs={24} lg={12}><TargetsCard unitId={unitId!} /></Col>}
        {home?.sections.map((s) => <Col key={s.key} xs={24} lg={12}><SectionCard section={s} /></Col>)}
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
