import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Badge, Button, Calendar, Card, Checkbox, DatePicker, Empty, Input, List, Popover, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ACTIVITY_CATEGORIES } from '@cds/shared';
import { api, download, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { DATE_FORMAT, fmtDate, fmtNumber, toIso } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { CATEGORY_COLORS, useKinds, type Activity } from './api';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { YearView } from './YearView';
import { KindsDrawer } from './KindsDrawer';

const COLUMNS_KEY = 'cds.activities.columns';
const ALL_COLUMNS = ['kindName', 'unitName', 'place', 'coOrganisers', 'status', 'attendees'] as const;

/** Activities of the chosen unit's subtree: a filtered list, a month calendar, and the year at a glance. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') ?? 'list') as 'list' | 'calendar' | 'year';
  const setView = (v: string) => setParams((p) => { const n = new URLSearchParams(p); n.set('view', v); return n; });
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [creating, setCreating] = useState(false);
  const [kindsOpen, setKindsOpen] = useState(false);
  const [visible, setVisible] = useState<string[]>(() => JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') ?? [...ALL_COLUMNS]);
  const { data: kinds = [] } = useKinds(unitId);
  const query = { unitId, ...filters };
  const { data, isFetching, error } = useQuery({
    queryKey: ['activities', query, page, pageSize],
    queryFn: () => api.get<{ rows: Activity[]; total: number }>(`/api/activities${qs({ ...query, page, pageSize })}`),
    enabled: Boolean(unitId) && view === 'list',
  });
  const canWrite = allows(me, 'activity.write', unit?.path);
  const setFilter = (key: string, value: unknown) => { setFilters((f) => ({ ...f, [key]: value === '' || value === null ? undefined : value })); setPage(1); };
  const chooseColumns = (cols: string[]) => { setVisible(cols); localStorage.setItem(COLUMNS_KEY, JSON.stringify(cols)); };

  const columnDefs: Record<string, object> = {
    kindName: { title: t('activities.kind'), dataIndex: 'kindName', width: 200, render: (v: string, a: Activity) => <Tag color={CATEGORY_COLORS[a.category]}>{v}</Tag> },
    unitName: { title: t('common.unit'), dataIndex: 'unitName', width: 240 },
    place: { title: t('activities.place'), dataIndex: 'place', width: 160, responsive: ['lg'] },
    coOrganisers: { title: t('activities.coOrganisers'), dataIndex: 'coOrganisers', width: 200, responsive: ['lg'], render: (c: Activity['coOrganisers']) => c.map((x) => x.name).join('; ') },
    status: { title: t('common.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={s === 'held' ? 'green' : s === 'planned' ? 'blue' : 'default'}>{t(`activities.statuses.${s}`)}</Tag> },
    attendees: { title: t('activities.attendees'), dataIndex: 'attendees', width: 100, align: 'right', render: (n: number | null, a: Activity) => (n === null ? '' : `${fmtNumber(n)}${a.attendanceMode === 'counts' ? '*' : ''}`) },
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} className="cds-page-title">{t('activities.title')}</Typography.Title>
        <Space wrap>
          <Segmented value={view} onChange={(v) => setView(String(v))} options={[
            { value: 'list', label: t('activities.views.list') }, { value: 'calendar', label: t('activities.views.calendar') }, { value: 'year', label: t('activities.views.year') }]} />
          {view === 'list' && <Button icon={<DownloadOutlined />} onClick={() => download(`/api/activities/export${qs(query)}`, 'danh-sach-hoat-dong.xlsx').catch((e) => message.error(errorText(e)))}>{t('common.exportExcel')}</Button>}
          {allows(me, 'setting.write', unit?.path) && <Button icon={<SettingOutlined />} onClick={() => setKindsOpen(true)}>{t('activities.kinds')}</Button>}
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('activities.create')}</Button>}
        </Space>
      </Space>
      {view === 'year' && unitId !== null && <YearView unitId={unitId} />}
      {view === 'calendar' && unitId !== null && <MonthCalendar unitId={unitId} />}
      {view === 'list' && (
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear placeholder={t('activities.searchPlaceholder')} onSearch={(v) => setFilter('q', v)} style={{ width: 260 }} aria-label={t('common.search')} />
            <Select allowClear placeholder={t('activities.category')} style={{ width: 200 }} onChange={(v) => setFilter('category', v)} aria-label={t('activities.category')}
              options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`activities.categories.${c}`) }))} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('activities.kind')} style={{ width: 240 }} onChange={(v) => setFilter('kindId', v)} aria-label={t('activities.kind')}
              options={kinds.map((k) => ({ value: k.id, label: k.name }))} />
            <Select allowClear placeholder={t('common.status')} style={{ width: 140 }} onChange={(v) => setFilter('status', v)} aria-label={t('common.status')}
              options={['planned', 'held', 'cancelled'].map((s) => ({ value: s, label: t(`activities.statuses.${s}`) }))} />
            <DatePicker.RangePicker format={DATE_FORMAT} onChange={(r) => { setFilter('from', toIso(r?.[0] ?? null)); setFilter('to', toIso(r?.[1] ?? null)); }} />
            <Popover trigger="click" title={t('common.columns')} content={
              <Checkbox.Group value={visible} onChange={(v) => chooseColumns(v as string[])} style={{ display: 'grid', gap: 4 }}
                options={ALL_COLUMNS.map((c) => ({ value: c, label: (columnDefs[c] as { title: string }).title }))} />
            }><Button icon={<SettingOutlined />}>{t('common.columns')}</Button></Popover>
          </Space>
          {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
          <Table<Activity> rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t('activities.empty')} /> }}
            onRow={(a) => ({ onClick: () => navigate(href(`/hoat-dong/${a.id}`)), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
              onChange: (p, s) => { setPage(p); setPageSize(s); }, showTotal: (n) => t('common.total', { count: n }) }}
            columns={[
              { title: t('activities.date'), dataIndex: 'startsOn', width: 110, fixed: 'left', render: (d: string, a: Activity) => (a.endsOn !== d ? `${fmtDate(d)}–${fmtDate(a.endsOn)}` : fmtDate(d)) },
              { title: t('activities.topic'), dataIndex: 'title', width: 320, render: (v: string) => <a>{v}</a> },
              ...visible.filter((c) => columnDefs[c]).map((c) => ({ key: c, ...columnDefs[c] })),
            ] as never} />
          <Typography.Text type="secondary">{t('activities.countsNote')}</Typography.Text>
        </Card>
      )}
      <ActivityFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(a) => { setCreating(false); navigate(href(`/hoat-dong/${a.id}`)); }} />
      <KindsDrawer open={kindsOpen} onClose={() => setKindsOpen(false)} />
    </>
  );
}

/** The month calendar of the subtree: activities by day; a day's list on a phone. */
function MonthCalendar({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [day, setDay] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(7, 'day').format('YYYY-MM-DD');
  const { data = [] } = useQuery({
    queryKey: ['activity-calendar', unitId, from, to],
    queryFn: () => api.get<Activity[]>(`/api/activities/calendar${qs({ unitId, from, to })}`),
  });
  const on = (d: Dayjs) => { const iso = d.format('YYYY-MM-DD'); return data.filter((a) => a.startsOn <= iso && a.endsOn >= iso); };
  return (
    <Card>
      <Calendar value={day} fullscreen={typeof window !== 'undefined' && window.innerWidth > 768}
        onSelect={(d) => setDay(d)} onPanelChange={(d) => setMonth(d)}
        cellRender={(d, info) => info.type !== 'date' ? null : (
          <div>{on(d).slice(0, 3).map((a) => <div key={a.id}><Badge color={CATEGORY_COLORS[a.category] === 'default' ? 'grey' : CATEGORY_COLORS[a.category]} text={<span style={{ fontSize: 12 }}>{a.title}</span>} /></div>)}
            {on(d).length > 3 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>+{on(d).length - 3}</Typography.Text>}</div>
        )} />
      <Typography.Title level={5}>{t('activities.onDay', { date: day.format('DD/MM/YYYY') })}</Typography.Title>
      <List dataSource={on(day)} locale={{ emptyText: t('activities.nothingOnDay') }} renderItem={(a) => (
        <List.Item onClick={() => navigate(href(`/hoat-dong/${a.id}`))} style={{ cursor: 'pointer' }}>
          <List.Item.Meta title={<><Tag color={CATEGORY_COLORS[a.category]}>{t(`activities.categories.${a.category}`)}</Tag>{a.title}</>}
            description={`${a.unitName}${a.place ? ' · ' + a.place : ''} · ${t(`activities.statuses.${a.status}`)}`} />
        </List.Item>
      )} />
    </Card>
  );
}
