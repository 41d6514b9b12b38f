import { useState } from 'react';
import { Alert, Card, Col, InputNumber, Progress, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_CATEGORIES } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { fmtNumber } from '../../components/format';
import { CATEGORY_COLORS, thisYear, type IndicatorValue } from './api';

/** A unit's year at a glance: its activity indicators (T1–T8…) and a category × month grid. */
export function YearView({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const { data, error, isLoading } = useQuery({
    queryKey: ['activity-overview', unitId, year],
    queryFn: () => api.get<{ grid: { category: string; month: number; held: number; planned: number; attendances: number }[]; indicators: IndicatorValue[] }>(`/api/activities/overview${qs({ unitId, year })}`),
  });
  const cell = (c: string, m: number) => data?.grid.find((g) => g.category === c && g.month === m);
  const categories = ACTIVITY_CATEGORIES.filter((c) => data?.grid.some((g) => g.category === c));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space><span>{t('activities.year')}</span><InputNumber aria-label={t('activities.year')} min={2000} max={thisYear() + 1} value={year} onChange={(v) => v && setYear(v)} /></Space>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      <Row gutter={[12, 12]}>
        {(data?.indicators ?? []).map((i) => (
          <Col key={i.key} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" loading={isLoading} data-testid={`indicator-${i.key}`}>
              <Tooltip title={i.description}><Typography.Text strong>{i.label}</Typography.Text></Tooltip>
              {i.kind === 'ratio' ? (
                <>
                  <div className="cds-figure" aria-label={i.label}>{i.value === null ? t('activities.notApplicable') : `${fmtNumber(i.value)}%`}</div>
                  {i.value !== null && <Progress percent={Math.min(100, i.value)} showInfo={false} size="small" />}
                  <Typography.Text type="secondary">{fmtNumber(i.numerator)}/{fmtNumber(i.denominator)} {i.unitLabel}</Typography.Text>
                  {i.fromCounts ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('activities.fromCounts', { named: fmtNumber(i.named), counts: fmtNumber(i.fromCounts) })}</Typography.Text></div> : null}
                  {i.bySector.length > 1 && <div>{i.bySector.map((s) => <Tag key={String(s.sector)}>{t(`sectors.${s.sector}`)}: {s.value === null ? '—' : `${fmtNumber(s.value)}%`}</Tag>)}</div>}
                </>
              ) : <div className="cds-figure">{fmtNumber(i.numerator)} <Typography.Text type="secondary">{i.unitLabel}</Typography.Text></div>}
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('activities.yearGrid', { year })}>
        <Table size="small" rowKey="c" pagination={false} scroll={{ x: 900 }} dataSource={categories.map((c) => ({ c }))}
          locale={{ emptyText: t('activities.emptyYear') }}
          columns={[
            { title: t('activities.category'), dataIndex: 'c', fixed: 'left', width: 180, render: (c: string) => <Tag color={CATEGORY_COLORS[c]}>{t(`activities.categories.${c}`)}</Tag> },
            ...Array.from({ length: 12 }, (_, i) => ({
              title: `T${i + 1}`, key: i, width: 56, align: 'center' as const, render: (_: unknown, r: { c: string }) => {
                const x = cell(r.c, i + 1);
                if (!x) return '';
                return <Tooltip title={t('activities.cellTip', { held: x.held, planned: x.planned, people: fmtNumber(x.attendances) })}>
                  <span style={{ fontWeight: 600, color: x.held ? undefined : '#1677ff' }}>{x.held || ''}{x.planned ? <sup>+{x.planned}</sup> : ''}</span></Tooltip>;
              },
            })),
          ]} />
      </Card>
    </Space>
  );
}
