import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Card, Col, Empty, InputNumber, Row, Select, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_OUTCOMES } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { PageHeader, usePaging } from '../../components/ListParts';
import { fmtDate, fmtNumber } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';

interface Row { id: number; memberId: number; fullName: string; unitName: string; recommendedOn: string; decisionNo: string | null; partyBody: string | null; outcome: string; admittedOn: string | null }

/** Đoàn viên ưu tú giới thiệu cho Đảng: per unit and year, with the outcome of each (feeds T10). */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [outcome, setOutcome] = useState<string | undefined>();
  const paging = usePaging();
  const { data, isFetching, error } = useQuery({
    queryKey: ['recommendations', unitId, year, outcome, paging.page, paging.pageSize],
    queryFn: () => api.get<{ rows: Row[]; total: number; counts: Record<string, number> }>(`/api/party-recommendations${qs({ unitId, year, outcome, page: paging.page, pageSize: paging.pageSize })}`),
    enabled: Boolean(unitId),
  });
  return (
    <>
      <PageHeader title={t('members.recommendationsTitle')} extra={<>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => { setYear(v); paging.reset(); }} prefix={t('members.year')} aria-label={t('members.year')} />
        <Select allowClear style={{ width: 200 }} placeholder={t('members.outcome')} value={outcome} onChange={(v) => { setOutcome(v); paging.reset(); }} aria-label={t('members.outcome')}
          options={RECOMMENDATION_OUTCOMES.map((o) => ({ value: o, label: t(`members.outcomes.${o}`) }))} />
      </>} />
      {data && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {RECOMMENDATION_OUTCOMES.map((o) => <Col key={o} xs={8}><Card size="small"><Statistic title={t(`members.outcomes.${o}`)} value={data.counts[o]} formatter={(v) => fmtNumber(Number(v))} /></Card></Col>)}
        </Row>
      )}
      <Card>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Table<Row> rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} pagination={paging.pagination(data?.total)} scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('members.noRecommendationsYet')} /> }}
          onRow={(r) => ({ onClick: () => navigate(href(`/doan-vien/${r.memberId}`)), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('members.fullName'), dataIndex: 'fullName', render: (v: string) => <a>{v}</a> },
            { title: t('members.recommendingUnit'), dataIndex: 'unitName' },
            { title: t('members.recommendedOn'), dataIndex: 'recommendedOn', render: fmtDate, width: 120 },
            { title: t('members.decisionNo'), dataIndex: 'decisionNo', width: 130 },
            { title: t('members.partyBody'), dataIndex: 'partyBody' },
            { title: t('members.outcome'), dataIndex: 'outcome', width: 200, render: (o: string, r) => <Tag color={o === 'admitted' ? 'red' : o === 'pending' ? 'gold' : 'default'}>{t(`members.outcomes.${o}`)}{r.admittedOn ? ` ${fmtDate(r.admittedOn)}` : ''}</Tag> },
          ]} />
      </Card>
    </>
  );
}
