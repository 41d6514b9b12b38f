import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined, SwapOutlined, TrophyOutlined, FlagOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, ETHNICITIES } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { ColumnChooser, ExportButton, PageHeader, useColumnChooser, useListFilters } from '../../components/ListParts';
import { fmtDate, fmtNumber } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { MemberFormDrawer } from './MemberFormDrawer';
import type { ListResult, MemberRow } from './types';

const OPTIONAL_COLUMNS = ['sex', 'birthDate', 'citizenId', 'ethnicity', 'religion', 'partyMember', 'education', 'qualification', 'vocationalLevel',
  'job', 'phone', 'address', 'joinedOn', 'cardNumber', 'cardValidUntil', 'groupName', 'unitName', 'status'] as const;
const SENSITIVE = new Set(['citizenId', 'ethnicity', 'religion', 'partyMember']);
const DEFAULT_COLUMNS = ['sex', 'birthDate', 'citizenId', 'job', 'phone', 'joinedOn', 'cardNumber', 'unitName', 'status'];
/** Filters a link may carry (the home page's "due" figures open the list with them). */
const URL_FILTERS = ['card', 'unratedYear', 'q', 'status'] as const;

type Filters = Record<string, string | number | boolean | undefined>;

/**
 * Members of the chosen unit's subtree: Vietnamese search without diacritics, filters, given-name
 * order, paging by key (the thousandth page is as fast as the first), column chooser, Excel export
 * of what is on screen.
 */
export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const { filters: stored, setFilter, clear } = useListFilters<Filters>('members', { status: 'active' });
  // A link's filters win over the remembered ones, without overwriting them.
  const fromUrl = Object.fromEntries(URL_FILTERS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v !== undefined));
  const filters: Filters = { ...stored, ...fromUrl };
  const [pageSize, setPageSize] = useState(50);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [columns, setColumns] = useColumnChooser('members', DEFAULT_COLUMNS);
  const [admitting, setAdmitting] = useState(false);
  const canWrite = allows(me, 'member.write', unit?.path);
  const sensitive = allows(me, 'member.sensitive', unit?.path);
  const after = cursors[cursors.length - 1];
  const query = { unitId, ...filters, ...(sensitive ? {} : { party: undefined, ethnicity: undefined, minority: undefined, religion: undefined }) };
  const { data, isFetching, error } = useQuery({
    queryKey: ['members', query, after, pageSize],
    queryFn: () => api.get<ListResult>(`/api/members${qs({ ...query, after, pageSize })}`),
    enabled: Boolean(unitId),
    placeholderData: (prev) => prev,
  });
  const change = (key: string, value: unknown) => { setFilter(key, value); setCursors([null]); };
  const pageNo = cursors.length;
  const first = (pageNo - 1) * pageSize + 1;

  const columnDefs = useMemo<Record<string, object>>(() => ({
    sex: { title: t('members.sex'), dataIndex: 'sex', width: 70, render: (s: string) => (s ? t(`members.sexes.${s}`) : '') },
    birthDate: { title: t('members.birthDate'), dataIndex: 'birthDate', width: 110, render: (d: string, r: MemberRow) => (r.birthPrecision === 'year' ? d?.slice(0, 4) : fmtDate(d)) },
    citizenId: { title: t('members.citizenId'), dataIndex: 'citizenId', width: 140 },
    ethnicity: { title: t('members.ethnicity'), dataIndex: 'ethnicity', width: 90 },
    religion: { title: t('members.religion'), dataIndex: 'religion', width: 100 },
    partyMember: { title: t('members.partyMember'), dataIndex: 'partyMember', width: 90, render: (v: boolean | null) => (v === null ? '•••' : v ? '✓' : '') },
    education: { title: t('members.education'), dataIndex: 'education', width: 90 },
    qualification: { title: t('members.qualification'), dataIndex: 'qualification', width: 120 },
    vocationalLevel: { title: t('members.vocationalLevel'), dataIndex: 'vocationalLevel', width: 120 },
    job: { title: t('members.job'), dataIndex: 'job', width: 170 },
    phone: { title: t('members.phone'), dataIndex: 'phone', width: 120 },
    address: { title: t('members.address'), dataIndex: 'address', width: 240 },
    joinedOn: { title: t('members.joinedOn'), dataIndex: 'joinedOn', width: 110, render: fmtDate },
    cardNumber: { title: t('members.cardNumber'), dataIndex: 'cardNumber', width: 130 },
    cardValidUntil: { title: t('members.validUntil'), dataIndex: 'cardValidUntil', width: 110, render: fmtDate },
    groupName: { title: t('members.group'), dataIndex: 'groupName', width: 170 },
    unitName: { title: t('common.unit'), dataIndex: 'unitName', width: 260 },
    status: { title: t('common.status'), dataIndex: 'status', width: 130, render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`members.statuses.${s}`)}</Tag> },
  }), [t]);
  const visible = columns.filter((c) => columnDefs[c] && (sensitive || !SENSITIVE.has(c)));
  const band = AGE_BANDS.find((b) => b.from === filters.ageFrom && b.to === filters.ageTo)?.key;

  return (
    <>
      <PageHeader title={t('members.title')} extra={<>
        <Button icon={<TrophyOutlined />} onClick={() => navigate(href('/doan-vien/xep-loai'))}>{t('members.assessmentsTitle')}</Button>
        {sensitive && <Button icon={<FlagOutlined />} onClick={() => navigate(href('/doan-vien/gioi-thieu-dang'))}>{t('members.recommendationsTitle')}</Button>}
        <Button icon={<SwapOutlined />} onClick={() => navigate(href('/doan-vien/chuyen-sinh-hoat'))}>{t('members.transfersTitle')}</Button>
        <ExportButton url={`/api/members/export${qs({ ...query, columns: ['fullName', ...visible].join(',') })}`} fileName="danh-sach-doan-vien.xlsx" />
        {canWrite && <Button icon={<UploadOutlined />} onClick={() => navigate(href('/doan-vien/nhap-excel'))}>{t('common.importExcel')}</Button>}
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdmitting(true)}>{t('members.admit')}</Button>}
      </>} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear defaultValue={filters.q as string} placeholder={t('members.searchPlaceholder')} onSearch={(v) => change('q', v)}
            style={{ width: 320 }} aria-label={t('common.search')} enterButton />
          <Select value={filters.status as string} style={{ width: 170 }} onChange={(v) => change('status', v)} aria-label={t('common.status')}
            options={['active', 'transferred_out', 'left', 'deceased', 'all'].map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`members.statuses.${s}`) }))} />
          <Select allowClear value={filters.sex as string} placeholder={t('members.sex')} style={{ width: 110 }} onChange={(v) => change('sex', v)} aria-label={t('members.sex')}
            options={['male', 'female'].map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
          <Select allowClear value={band} placeholder={t('members.ageBand')} style={{ width: 130 }} aria-label={t('members.ageBand')}
            onChange={(k) => { const b = AGE_BANDS.find((x) => x.key === k); setFilter('ageFrom', b?.from); change('ageTo', b?.to); }}
            options={AGE_BANDS.map((b) => ({ value: b.key, label: t(`members.ageBands.${b.key}`) }))} />
          <InputNumber value={filters.joinedYear as number} placeholder={t('members.joinedYear')} min={1950} max={2100} onChange={(v) => change('joinedYear', v)} aria-label={t('members.joinedYear')} style={{ width: 130 }} />
          {sensitive && (
            <>
              <Select allowClear value={filters.party as string} placeholder={t('members.partyMember')} style={{ width: 130 }} onChange={(v) => change('party', v)} aria-label={t('members.partyMember')}
                options={[{ value: 'true', label: t('members.partyYes') }, { value: 'false', label: t('members.partyNo') }]} />
              <Select allowClear showSearch value={(filters.minority === 'true' ? '__minority' : filters.ethnicity) as string} placeholder={t('members.ethnicity')} style={{ width: 170 }}
                aria-label={t('members.ethnicity')}
                onChange={(v) => { if (v === '__minority') { setFilter('ethnicity', undefined); change('minority', 'true'); } else { setFilter('minority', undefined); change('ethnicity', v); } }}
                options={[{ value: '__minority', label: t('members.minority') }, ...ETHNICITIES.map((e) => ({ value: e, label: e }))]} />
            </>
          )}
          <Select allowClear value={filters.card as string} placeholder={t('members.cardFilter')} style={{ width: 170 }} onChange={(v) => change('card', v)} aria-label={t('members.cardFilter')}
            options={[{ value: 'none', label: t('members.cardNone') }, { value: 'expiring', label: t('members.cardExpiring') }]} />
          {filters.unratedYear && <Tag closable onClose={() => navigate(href('/doan-vien'))}>{t('members.unratedIn', { year: filters.unratedYear })}</Tag>}
          <Button onClick={() => { clear(); setCursors([null]); if (Object.keys(fromUrl).length) navigate(href('/doan-vien')); }}>{t('common.reset')}</Button>
          <ColumnChooser value={visible} onChange={setColumns}
            options={OPTIONAL_COLUMNS.filter((c) => sensitive || !SENSITIVE.has(c)).map((c) => ({ value: c, label: (columnDefs[c] as { title: string }).title }))} />
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Table<MemberRow> rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }} pagination={false}
          locale={{ emptyText: <Empty description={filters.q ? t('members.noMatch') : t('members.empty')} /> }}
          onRow={(m) => ({ onClick: () => navigate(href(`/doan-vien/${m.id}`)), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('members.fullName'), dataIndex: 'fullName', fixed: 'left', width: 200, render: (v: string, m: MemberRow) => <a href={href(`/doan-vien/${m.id}`)} onClick={(e) => e.preventDefault()}>{v}</a> },
            ...visible.map((c) => ({ key: c, ...columnDefs[c] })),
          ] as never} />
        <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Typography.Text type="secondary">
            {data && data.rows.length > 0 && t('members.range', { from: fmtNumber(first), to: fmtNumber(first + data.rows.length - 1) })}{' '}
            {data && (data.total === null ? t('members.totalMany') : data.totalCapped ? t('members.totalMore', { n: fmtNumber(data.total) }) : t('members.totalOf', { n: fmtNumber(data.total) }))}
          </Typography.Text>
          <Space>
            <Select value={pageSize} onChange={(v) => { setPageSize(v); setCursors([null]); }} aria-label={t('members.pageSize')}
              options={[20, 50, 100, 200].map((n) => ({ value: n, label: t('members.perPage', { n }) }))} />
            <Button icon={<LeftOutlined />} disabled={pageNo === 1} onClick={() => setCursors(cursors.slice(0, -1))} aria-label={t('members.prevPage')} />
            <Typography.Text>{t('members.page', { n: pageNo })}</Typography.Text>
            <Button icon={<RightOutlined />} disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors([...cursors, data.nextCursor])} aria-label={t('members.nextPage')} />
          </Space>
        </Space>
      </Card>
      <MemberFormDrawer open={admitting} onClose={() => setAdmitting(false)}
        defaultUnit={unit?.kind === 'grassroots' && unitId ? { id: unitId, name: unit.name } : undefined}
        onSaved={async (m) => { setAdmitting(false); await client.invalidateQueries({ queryKey: ['members'] }); navigate(href(`/doan-vien/${m.id}`)); }} />
    </>
  );
}
