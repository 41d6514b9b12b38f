import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Empty, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import ReactECharts from 'echarts-for-react';
import { CLAUSE_TOPICS, DISPUTE_KINDS, LEGAL_TOPICS } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { fmtDate, fmtNumber } from '../../components/format';
import { useUnitScope } from '../../scope/UnitScope';
import { thisYear } from '../activities/api';
import { AgreementDrawer, DisputeDrawer, LegalCaseDrawer } from './RecordDrawers';

/** Quan hệ lao động: collective agreements, disputes and stoppages, legal advice, and the dialogues and conferences still due. */
export function LabourPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'agreements';
  return (
    <>
      <Typography.Title level={3} className="cds-page-title">{t('labour.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', k); return n; })} items={[
        { key: 'agreements', label: t('labour.agreements'), children: <Agreements /> },
        { key: 'disputes', label: t('labour.disputes'), children: <Disputes /> },
        { key: 'legal', label: t('labour.legal'), children: <LegalCases /> },
        { key: 'due', label: t('labour.due'), children: <Due /> },
      ]} />
    </>
  );
}

const STATUS_COLOR: Record<string, string> = { in_force: 'green', expiring: 'orange', expired: 'red', ended: 'default', pending: 'blue' };

function Agreements() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [topic, setTopic] = useState('meals');
  const q = { unitId, status, page, pageSize: 50 };
  const { data, isFetching, error } = useQuery({ queryKey: ['agreements', q], queryFn: () => api.get<{ rows: any[]; total: number }>(`/api/agreements${qs(q)}`), enabled: unitId !== null });
  const alerts = useQuery({ queryKey: ['agreement-alerts', unitId], queryFn: () => api.get<any>(`/api/agreements/alerts${qs({ unitId })}`), enabled: unitId !== null });
  const cmp = useQuery({ queryKey: ['agreement-compare', unitId, topic], queryFn: () => api.get<any[]>(`/api/agreements/compare${qs({ unitId, topic })}`), enabled: unitId !== null });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {alerts.data && alerts.data.rows.length > 0 && (
        <Alert type="warning" showIcon title={t('labour.expiryAlert', { d90: alerts.data.counts[0]?.count, d30: alerts.data.counts[1]?.count ?? 0 })} />
      )}
      <Space wrap>
        <Select allowClear placeholder={t('common.status')} style={{ width: 180 }} onChange={(v) => { setStatus(v); setPage(1); }} aria-label={t('common.status')}
          options={['in_force', 'expiring', 'expired', 'ended', 'pending'].map((s) => ({ value: s, label: t(`labour.cbaStatus.${s}`) }))} />
        {allows(me, 'activity.write', unit?.path) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>{t('labour.newAgreement')}</Button>}
      </Space>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      <Table rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('labour.noAgreements')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('labour.agreement'), dataIndex: 'title', width: 300, render: (v: string) => <a>{v}</a> },
          { title: t('labour.enterprise'), dataIndex: 'enterpriseName', width: 220, render: (v: string | null, r: any) => v ?? t(`labour.levels.${r.level}`) },
          { title: t('labour.signedOn'), dataIndex: 'signedOn', width: 110, render: fmtDate },
          { title: t('labour.expiresOn'), dataIndex: 'expiresOn', width: 110, render: fmtDate },
          { title: t('labour.workersCovered'), dataIndex: 'workersCovered', width: 110, align: 'right', render: fmtNumber },
          { title: t('common.status'), dataIndex: 'status', width: 150, render: (s: string, r: any) => <><Tag color={STATUS_COLOR[s]}>{t(`labour.cbaStatus.${s}`)}</Tag>{r.registrationOverdue && <Tag color="red">{t('labour.notRegistered')}</Tag>}</> },
        ]} />
      <Card size="small" title={t('labour.compare')} extra={<Select value={topic} onChange={setTopic} style={{ width: 200 }} aria-label={t('labour.clauseTopic')}
        options={CLAUSE_TOPICS.map((c) => ({ value: c, label: t(`labour.topics.${c}`) }))} />}>
        <Table size="small" rowKey={(r) => `${r.agreementId}-${r.clause}`} pagination={false} dataSource={cmp.data ?? []} scroll={{ x: 600 }}
          locale={{ emptyText: t('labour.noClauses') }}
          columns={[
            { title: t('labour.enterprise'), dataIndex: 'enterpriseName', render: (v: string | null, r: any) => v ?? r.title },
            { title: t('labour.clause'), dataIndex: 'clause' },
            { title: t('labour.value'), dataIndex: 'value', align: 'right', render: (v: number | null, r: any) => v === null ? '' : `${fmtNumber(v)} ${r.valueUnit ? t(`labour.units.${r.valueUnit}`) : ''}` },
            { title: t('labour.aboveLaw'), dataIndex: 'aboveLaw', align: 'right', render: (v: number | null) => (v === null ? '' : `+${fmtNumber(v)}`) },
          ]} />
      </Card>
      <AgreementDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function Disputes() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const [year, setYear] = useState(thisYear());
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const q = { unitId, year, kind, page, pageSize: 50 };
  const { data, isFetching } = useQuery({ queryKey: ['disputes', q], queryFn: () => api.get<{ rows: any[]; total: number }>(`/api/disputes${qs(q)}`), enabled: unitId !== null });
  const monthly = useQuery({ queryKey: ['disputes-monthly', unitId, year], queryFn: () => api.get<{ months: any[] }>(`/api/disputes/monthly${qs({ unitId, year })}`), enabled: unitId !== null });
  const months = monthly.data?.months ?? [];
  const series = ['individual', 'collective', 'work_stoppage', 'strike'].map((k) => ({ name: t(`labour.chart.${k}`), type: 'bar', stack: 'n', data: months.map((m) => m[k]) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('activities.year')}</span><InputNumber aria-label={t('activities.year')} min={2000} max={thisYear()} value={year} onChange={(v) => v && setYear(v)} />
        <Select allowClear placeholder={t('labour.kind')} style={{ width: 220 }} onChange={(v) => { setKind(v); setPage(1); }} aria-label={t('labour.kind')}
          options={DISPUTE_KINDS.map((k) => ({ value: k, label: t(`labour.disputeKinds.${k}`) }))} />
        {allows(me, 'activity.write', unit?.path) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>{t('labour.newDispute')}</Button>}
      </Space>
      <Card size="small" title={t('labour.monthly', { year })}>
        <ReactECharts style={{ height: 260 }} option={{
          tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 40, top: 20, bottom: 50 },
          xAxis: { type: 'category', data: months.map((m) => `T${m.month}`) },
          yAxis: [{ type: 'value', minInterval: 1, name: t('labour.cases') }, { type: 'value', name: t('labour.workers') }],
          series: [...series, { name: t('labour.workers'), type: 'line', yAxisIndex: 1, data: months.map((m) => m.workers) }],
        }} />
      </Card>
      <Table rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('labour.noDisputes')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('labour.startedOn'), dataIndex: 'startedOn', width: 110, render: fmtDate },
          { title: t('labour.enterprise'), dataIndex: 'enterpriseName', width: 260, render: (v: string) => <a>{v}</a> },
          { title: t('labour.kind'), dataIndex: 'kind', width: 180, render: (k: string) => <Tag color={k === 'strike' || k === 'work_stoppage' ? 'red' : 'orange'}>{t(`labour.disputeKinds.${k}`)}</Tag> },
          { title: t('labour.workersInvolved'), dataIndex: 'workersInvolved', width: 100, align: 'right', render: fmtNumber },
          { title: t('labour.causes'), dataIndex: 'causes', width: 220, render: (c: string[]) => c.map((x) => t(`labour.causeList.${x}`)).join(', ') },
          { title: t('labour.outcome'), dataIndex: 'outcome', width: 150, render: (o: string) => t(`labour.outcomes.${o}`) },
        ]} />
      <DisputeDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function LegalCases() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const q = { unitId, ...filters, page, pageSize: 50 };
  const { data, isFetching } = useQuery({ queryKey: ['legal-cases', q], queryFn: () => api.get<{ rows: any[]; total: number }>(`/api/legal-cases${qs(q)}`), enabled: unitId !== null });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('labour.confidential')} />
      <Space wrap>
        <Select allowClear placeholder={t('common.status')} style={{ width: 150 }} onChange={(v) => setFilters((f) => ({ ...f, status: v }))} aria-label={t('common.status')}
          options={['open', 'closed'].map((s) => ({ value: s, label: t(`labour.caseStatus.${s}`) }))} />
        <Select allowClear placeholder={t('labour.topic')} style={{ width: 220 }} onChange={(v) => setFilters((f) => ({ ...f, topic: v }))} aria-label={t('labour.topic')}
          options={LEGAL_TOPICS.map((s) => ({ value: s, label: t(`labour.legalTopics.${s}`) }))} />
        <Select allowClear placeholder={t('labour.mine')} style={{ width: 160 }} onChange={(v) => setFilters((f) => ({ ...f, mine: v }))} aria-label={t('labour.mine')}
          options={[{ value: 'true', label: t('labour.mineOnly') }]} />
        {allows(me, 'activity.write', unit?.path) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>{t('labour.newCase')}</Button>}
      </Space>
      <Table rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('labour.noCases')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('labour.openedOn'), dataIndex: 'openedOn', width: 110, render: fmtDate },
          { title: t('labour.requester'), dataIndex: 'requesterName', width: 200 },
          { title: t('labour.topic'), dataIndex: 'topic', width: 200, render: (v: string) => t(`labour.legalTopics.${v}`) },
          { title: t('labour.caseKind'), dataIndex: 'kind', width: 140, render: (v: string) => t(`labour.legalKinds.${v}`) },
          { title: t('labour.handler'), dataIndex: 'handlerName', width: 180 },
          { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: string) => <Badge status={s === 'open' ? 'processing' : 'default'} text={t(`labour.caseStatus.${s}`)} /> },
        ]} />
      <LegalCaseDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function Due() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const [year, setYear] = useState(thisYear());
  const dialogue = useQuery({ queryKey: ['due', unitId, year, 'dialogue'], queryFn: () => api.get<any[]>(`/api/activities/due${qs({ unitId, year, category: 'dialogue' })}`), enabled: unitId !== null });
  const conference = useQuery({ queryKey: ['due', unitId, year, 'workers_conference'], queryFn: () => api.get<any[]>(`/api/activities/due${qs({ unitId, year, category: 'workers_conference' })}`), enabled: unitId !== null });
  const followups = useQuery({ queryKey: ['followups', unitId], queryFn: () => api.get<any[]>(`/api/activities/followups${qs({ unitId })}`), enabled: unitId !== null });
  const columns = [
    { title: t('labour.union'), dataIndex: 'unitName' },
    { title: t('labour.sector'), dataIndex: 'sector', width: 160, render: (s: string) => t(`sectors.${s}`) },
    { title: t('labour.workers'), dataIndex: 'workers', width: 100, align: 'right' as const, render: fmtNumber },
    { title: t('labour.lastHeld'), dataIndex: 'lastHeldOn', width: 120, render: fmtDate },
    { title: t('labour.planned'), dataIndex: 'plannedOn', width: 120, render: (d: string | null) => (d ? <Tag color="blue">{fmtDate(d)}</Tag> : <Tag color="red">{t('labour.notPlanned')}</Tag>) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space><span>{t('activities.year')}</span><InputNumber aria-label={t('activities.year')} min={2000} max={thisYear() + 1} value={year} onChange={(v) => v && setYear(v)} /></Space>
      <Card size="small" title={t('labour.dueDialogue', { count: dialogue.data?.length ?? 0 })}>
        <Table size="small" rowKey="unitId" pagination={{ pageSize: 20 }} dataSource={dialogue.data ?? []} columns={columns} scroll={{ x: 700 }} locale={{ emptyText: t('labour.allHeld') }} />
      </Card>
      <Card size="small" title={t('labour.dueConference', { count: conference.data?.length ?? 0 })}>
        <Table size="small" rowKey="unitId" pagination={{ pageSize: 20 }} dataSource={conference.data ?? []} columns={columns} scroll={{ x: 700 }} locale={{ emptyText: t('labour.allHeld') }} />
      </Card>
      <Card size="small" title={t('labour.openFollowups')}>
        <Table size="small" rowKey="id" pagination={{ pageSize: 20 }} dataSource={followups.data ?? []} scroll={{ x: 700 }} locale={{ emptyText: t('activities.mt.noFollowups') }}
          columns={[
            { title: t('activities.mt.task'), dataIndex: 'content' }, { title: t('activities.mt.owner'), dataIndex: 'owner' },
            { title: t('common.unit'), dataIndex: 'unitName' },
            { title: t('activities.mt.dueOn'), dataIndex: 'dueOn', render: (d: string, f: any) => <span style={{ color: f.overdue ? '#cf1322' : undefined }}>{fmtDate(d)}</span> },
          ]} />
      </Card>
    </Space>
  );
}
