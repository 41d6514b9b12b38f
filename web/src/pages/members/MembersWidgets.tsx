import { Link } from 'react-router-dom';
import { Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { fmtDate, fmtNumber } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { MemberCard } from './MemberCard';
import type { CardView } from './types';

interface Due {
  activeMembers: number;
  noCard: { count: number }; cardExpiring: { count: number; before: string }; unrated: { count: number; year: number };
  transfers: { incoming: number; outgoing: number };
}

/** Home page of a union officer: what is due about members, each figure opening the members behind it. */
export function MembersDueWidget() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const href = useScopedHref();
  const { data } = useQuery({ queryKey: ['members-due', unitId], queryFn: () => api.get<Due>(`/api/members/due${qs({ unitId })}`), enabled: Boolean(unitId), retry: false });
  if (!data) return null;
  const link = (path: string, params: Record<string, unknown> = {}) => href(`${path}${qs(params)}`);
  const items = [
    { key: 'noCard', n: data.noCard.count, text: t('members.due.noCard'), to: link('/doan-vien', { card: 'none' }) },
    { key: 'expiring', n: data.cardExpiring.count, text: t('members.due.cardExpiring', { date: fmtDate(data.cardExpiring.before) }), to: link('/doan-vien', { card: 'expiring' }) },
    { key: 'unrated', n: data.unrated.count, text: t('members.due.unrated', { year: data.unrated.year }), to: link('/doan-vien/xep-loai') },
    { key: 'incoming', n: data.transfers.incoming, text: t('members.due.incoming'), to: link('/doan-vien/chuyen-sinh-hoat') },
  ];
  return (
    <Card title={t('members.due.title')} extra={<Link to={href('/doan-vien')}>{t('members.due.active', { n: fmtNumber(data.activeMembers) })}</Link>}>
      <List dataSource={items} renderItem={(i) => (
        <List.Item><Link to={i.to} style={{ width: '100%' }}><Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text>{i.text}</Typography.Text><Statistic value={i.n} formatter={(v) => fmtNumber(Number(v))} valueStyle={{ fontSize: 18, color: i.n ? '#d46b08' : '#389e0d' }} />
        </Space></Link></List.Item>
      )} />
    </Card>
  );
}

/** Home page of a member (on a phone): their own e-card. */
export function MyCardWidget() {
  const { t } = useTranslation();
  const { data, error } = useQuery({ queryKey: ['me-member'], queryFn: () => api.get<{ card: CardView | null }>('/api/me/member'), retry: false });
  if (error) return null;
  return (
    <Card title={t('members.myCard')}>
      {data?.card ? <MemberCard card={data.card} /> : <Empty description={t('members.noCard')} />}
    </Card>
  );
}
