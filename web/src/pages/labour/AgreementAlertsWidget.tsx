import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { fmtDate } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';

/** Home: agreements of the unit's subtree expiring within the alert windows (90/30 days), and those not registered. */
export function AgreementAlertsWidget() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const href = useScopedHref();
  const { data } = useQuery({ queryKey: ['agreement-alerts', unitId], queryFn: () => api.get<any>(`/api/agreements/alerts${qs({ unitId })}`), enabled: unitId !== null, retry: false });
  return (
    <Card title={t('labour.widgetTitle')} extra={<Link to={href('/quan-he-lao-dong?tab=agreements')}>{t('labour.seeAll')}</Link>}>
      {data?.unregistered ? <Typography.Paragraph type="danger">{t('labour.unregisteredCount', { count: data.unregistered })}</Typography.Paragraph> : null}
      <List size="small" dataSource={data?.rows ?? []} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('labour.noExpiring')} /> }}
        renderItem={(r: any) => (
          <List.Item>
            <span><Tag color={r.window <= 30 ? 'red' : 'orange'}>{t('labour.daysLeft', { count: r.daysToExpiry })}</Tag>{r.enterpriseName ?? r.title}</span>
            <Typography.Text type="secondary">{fmtDate(r.expiresOn)}</Typography.Text>
          </List.Item>
        )} />
    </Card>
  );
}
