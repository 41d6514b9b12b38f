import { useState } from 'react';
import { Alert, Badge, Card, Drawer, Empty, InputNumber, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import ReactECharts from 'echarts-for-react';
import { COMPARISON_SIGNS, type Comparison, type Light } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { useUnitScope } from '../../scope/UnitScope';
import { fmtDate, fmtNumber } from '../../components/format';

interface Group { sectors: string[] | null; threshold: number | null; numerator: number | null; denominator: number | null; value: number | null; gap: number | null; light: Light; status: 'ok' | 'na' | 'no_data' | 'no_threshold' }
interface TargetValue {
  targetId: number; code: string; title: string; indicatorKey: string; comparison: Comparison; source: 'computed' | 'manual' | 'none'; light: Light;
  indicator: { label: string; description: string; kind: 'ratio' | 'count'; unitLabel: string | null; drill: boolean } | null;
  manual: { enteredBy: string; enteredAt: string; note: string | null } | null; groups: Group[];
}
const LIGHT_COLOR: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322', grey: '#8c8c8c' };
const THIS_YEAR = new Date().getFullYear();

/** Targets of the chosen unit and period with their live values; a click ranks the units below and lists the records. */
export function ProgrammeDashboardPage() {
  const { t } = useTranslation();
  const { unitId, unit } = useUnitScope();
  const [year, setYear] = useState(THIS_YEAR);
  const [half, setHalf] = useState<'year' | 'h1'>('year');
  const [open, setOpen] = useState<TargetValue | null>(null);
  const period = { unitId, year, half: half === 'h1' ? 1 : undefined };
  const { data, error, isLoading } = useQuery({
    queryKey: ['programme-dashboard', period],
    queryFn: () => api.get<{ targets: TargetValue[]; computedMs: number }>(`/api/programme/dashboard${qs(period)}`),
    enabled: unitId !== null,
  });
  const fmtValue = (v: TargetValue, n: number | null) => (n === null ? '' : v.indicator?.kind === 'count' ? fmtNumber(n) : `${fmtNumber(n)}%`);
  const groupLabel = (g: Group) => (g.sectors ? g.sectors.map((s) => t(`sectors.${s}`)).join(', ') : t('programme.allSectors'));
  const valueText = (v: TargetValue, g: Group) => (g.status === 'na' ? t('programme.notApplicable') : g.status === 'no_data' ? t('programme.noData') : fmtValue(v, g.value));

  return (
    <>
      <Typography.Title level={3} className="cds-page-title">{t('programme.dashboardTitle', { unit: unit?.name ?? '' })}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('programme.year')}</span>
        <InputNumber aria-label={t('programme.year')} min={2000} max={THIS_YEAR} value={year} onChange={(v) => v && setYear(v)} />
        <Segmented value={half} onChange={(v) => setHalf(v as 'year' | 'h1')} options={[{ value: 'year', label: t('programme.wholeYear') }, { value: 'h1', label: t('programme.firstHalf') }]} />
        {data && <Typography.Text type="secondary">{t('programme.computedLive', { ms: data.computedMs })}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<TargetValue>
        rowKey="targetId" loading={isLoading} dataSource={data?.targets ?? []} pagination={false}
        locale={{ emptyText: <Empty description={t('programme.noTargets')} /> }}
        onRow={(v) => ({ onClick: () => v.indicator && v.source === 'computed' && setOpen(v), style: { cursor: v.source === 'computed' ? 'pointer' : undefined } })}
        columns={[
          { title: t('programme.light'), width: 70, render: (_, v) => <Badge color={LIGHT_COLOR[v.light]} text={t(`programme.lights.${v.light}`)} /> },
          { title: t('programme.code'), dataIndex: 'code', width: 60 },
          {
            title: t('programme.target'), render: (_, v) => (
              <>
                <div>{v.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.indicator ? <Tooltip title={v.indicator.description}>{v.indicator.label}</Tooltip> : t('programme.noIndicator')}
                  {v.manual && <> · {t('programme.enteredBy', { name: v.manual.enteredBy, date: fmtDate(v.manual.enteredAt.slice(0, 10)) })}</>}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('programme.valueVsThreshold'), render: (_, v) => v.groups.map((g, i) => (
              <div key={i}>
                {v.groups.length > 1 && <Tag>{groupLabel(g)}</Tag>}
                <b>{valueText(v, g)}</b>
                {g.threshold !== null && <> / {COMPARISON_SIGNS[v.comparison]} {fmtValue(v, g.threshold)}</>}
                {g.threshold === null && g.status !== 'no_data' && <Typography.Text type="secondary"> ({t('programme.noShare')})</Typography.Text>}
                {g.value !== null && g.denominator !== null && <Typography.Text type="secondary"> ({fmtNumber(g.numerator)}/{fmtNumber(g.denominator)})</Typography.Text>}
              </div>
            )),
          },
          {
            title: t('programme.gap'), render: (_, v) => v.groups.map((g, i) => (
              <div key={i} style={{ color: g.gap !== null && g.gap < 0 ? LIGHT_COLOR.red : undefined }}>{g.gap === null ? '' : fmtValue(v, g.gap)}</div>
            )),
          },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={760} title={open ? `${open.code} · ${open.title}` : ''} destroyOnHidden>
        {open && unitId !== null && <TargetDetail target={open} unitId={unitId} year={year} half={half === 'h1' ? 1 : undefined} />}
      </Drawer>
    </>
  );
}

function TargetDetail({ target, unitId, year, half }: { target: TargetValue; unitId: number; year: number; half?: number }) {
  const { t } = useTranslation();
  const { setUnitId } = useUnitScope();
  const [page, setPage] = useState(1);
  const q = { unitId, year, half, targetId: target.targetId };
  const ranked = useQuery({ queryKey: ['programme-units', q], queryFn: () => api.get<{ rows: { unitId: number; name: string; value: number | null; threshold: number | null; light: Light }[]; average: number | null }>(`/api/programme/dashboard/units${qs(q)}`) });
  const progress = useQuery({ queryKey: ['programme-progress', q], queryFn: () => api.get<{ months: { month: number; value: number | null }[] }>(`/api/programme/dashboard/progress${qs({ unitId, year, targetId: target.targetId })}`) });
  const records = useQuery({
    queryKey: ['programme-records', q, page], enabled: !!target.indicator?.drill, retry: false,
    queryFn: () => api.get<{ columns: { key: string; label: string; type?: string }[]; rows: Record<string, unknown>[]; total: number }>(`/api/programme/dashboard/records${qs({ ...q, page, pageSize: 20 })}`),
  });
  const rows = ranked.data?.rows ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Paragraph type="secondary">{target.indicator?.description}</Typography.Paragraph>
      <Card size="small" title={t('programme.progressTitle')}>
        <ReactECharts style={{ height: 220 }} option={{
          tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: (progress.data?.months ?? []).map((m) => `T${m.month}`) },
          yAxis: { type: 'value' }, series: [{ type: 'line', data: (progress.data?.months ?? []).map((m) => m.value), smooth: true }],
        }} />
      </Card>
      <Card size="small" title={t('programme.unitsBelow', { average: ranked.data?.average ?? '—' })}>
        {rows.length === 0 ? <Empty description={t('programme.noUnitsBelow')} /> : (
          <ReactECharts style={{ height: Math.max(200, rows.length * 24) }}
            onEvents={{ click: (e: { dataIndex: number }) => setUnitId(rows[rows.length - 1 - e.dataIndex].unitId) }}
            option={{
              tooltip: {}, grid: { left: 220 }, xAxis: { type: 'value' },
              yAxis: { type: 'category', data: [...rows].reverse().map((r) => r.name), axisLabel: { width: 200, overflow: 'truncate' } },
              series: [{ type: 'bar', data: [...rows].reverse().map((r) => ({ value: r.value, itemStyle: { color: LIGHT_COLOR[r.light] } })) }],
            }} />
        )}
      </Card>
      {target.indicator?.drill && (
        <Card size="small" title={t('programme.records')}>
          {records.error ? <Alert type="info" message={errorText(records.error)} /> : (
            <Table size="small" rowKey={(_, i) => String(i)} loading={records.isLoading} dataSource={records.data?.rows ?? []}
              pagination={{ current: page, pageSize: 20, total: records.data?.total ?? 0, onChange: setPage }}
              columns={(records.data?.columns ?? []).map((c) => ({ title: c.label, dataIndex: c.key, render: (v: unknown) => (c.type === 'date' ? fmtDate(v as string) : String(v ?? '')) }))} />
          )}
        </Card>
      )}
    </Space>
  );
}
