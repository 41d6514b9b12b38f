import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Popover, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { admissionSchema } from '@cds/shared';
import { api, download, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { applyApiError, zodRule } from '../../components/forms';
import { DATE_FORMAT, fmtDate, toIso } from '../../components/format';
import { useScopedHref, useUnitScope } from '../../scope/UnitScope';
import { UnitPicker } from '../../components/UnitPicker';

export interface MemberRow {
  id: number; unitId: number; unitName: string; groupName: string | null; fullName: string; sex: 'male' | 'female' | null;
  birthDate: string | null; citizenId: string | null; ethnicity: string | null; religion: string | null; partyMember: boolean | null;
  education: string | null; qualification: string | null; job: string | null; phone: string | null; joinedOn: string | null;
  cardNumber: string | null; status: string; version: number;
}

const COLUMNS_KEY = 'cds.members.columns';
const ALL_COLUMNS = ['sex', 'birthDate', 'citizenId', 'ethnicity', 'religion', 'partyMember', 'job', 'phone', 'joinedOn', 'cardNumber', 'groupName', 'unitName', 'status'] as const;
const DEFAULT_COLUMNS = ['sex', 'birthDate', 'citizenId', 'job', 'phone', 'joinedOn', 'unitName', 'status'];

/** Members of the chosen unit's subtree: filters, Vietnamese search, given-name order, column chooser, Excel export. */
export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Record<string, unknown>>({ status: 'active' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [visible, setVisible] = useState<string[]>(() => JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') ?? DEFAULT_COLUMNS);
  const [admitting, setAdmitting] = useState(false);
  const query = { unitId, ...filters };
  const { data, isFetching, error } = useQuery({
    queryKey: ['members', query, page, pageSize],
    queryFn: () => api.get<{ rows: MemberRow[]; total: number }>(`/api/members${qs({ ...query, page, pageSize })}`),
    enabled: Boolean(unitId),
  });
  const canWrite = allows(me, 'member.write', unit?.path);
  const setFilter = (key: string, value: unknown) => { setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value })); setPage(1); };
  const chooseColumns = (cols: string[]) => { setVisible(cols); localStorage.setItem(COLUMNS_KEY, JSON.stringify(cols)); };

  const columnDefs: Record<string, object> = {
    sex: { title: t('members.sex'), dataIndex: 'sex', width: 70, render: (s: string) => (s ? t(`members.sexes.${s}`) : '') },
    birthDate: { title: t('members.birthDate'), dataIndex: 'birthDate', width: 110, render: fmtDate },
    citizenId: { title: t('members.citizenId'), dataIndex: 'citizenId', width: 140 },
    ethnicity: { title: t('members.ethnicity'), dataIndex: 'ethnicity', width: 90 },
    religion: { title: t('members.religion'), dataIndex: 'religion', width: 100 },
    partyMember: { title: t('members.partyMember'), dataIndex: 'partyMember', width: 90, render: (v: boolean | null) => (v === null ? '•••' : v ? '✓' : '') },
    job: { title: t('members.job'), dataIndex: 'job', width: 170 },
    phone: { title: t('members.phone'), dataIndex: 'phone', width: 120 },
    joinedOn: { title: t('members.joinedOn'), dataIndex: 'joinedOn', width: 110, render: fmtDate },
    cardNumber: { title: t('members.cardNumber'), dataIndex: 'cardNumber', width: 130 },
    groupName: { title: t('members.group'), dataIndex: 'groupName', width: 170 },
    unitName: { title: t('common.unit'), dataIndex: 'unitName', width: 260 },
    status: { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`members.statuses.${s}`)}</Tag> },
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} className="cds-page-title">{t('members.title')}</Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/api/members/export${qs(query)}`, 'danh-sach-doan-vien.xlsx').catch((e) => message.error(errorText(e)))}>{t('common.exportExcel')}</Button>
          {canWrite && <Button icon={<UploadOutlined />} onClick={() => navigate(href('/doan-vien/nhap-excel'))}>{t('common.importExcel')}</Button>}
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdmitting(true)}>{t('members.admit')}</Button>}
        </Space>
      </Space>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('members.searchPlaceholder')} onSearch={(v) => setFilter('q', v)} style={{ width: 300 }} aria-label={t('common.search')} />
          <Select allowClear placeholder={t('members.sex')} style={{ width: 110 }} onChange={(v) => setFilter('sex', v)}
            options={['male', 'female'].map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
          <Select value={filters.status as string} style={{ width: 160 }} onChange={(v) => setFilter('status', v)} aria-label={t('common.status')}
            options={['active', 'transferred_out', 'left', 'deceased', 'all'].map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`members.statuses.${s}`) }))} />
          <Select allowClear placeholder={t('members.partyMember')} style={{ width: 130 }} onChange={(v) => setFilter('party', v)}
            options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} />
          <InputNumber placeholder={t('members.ageFrom')} min={15} max={80} onChange={(v) => setFilter('ageFrom', v)} aria-label={t('members.ageFrom')} />
          <InputNumber placeholder={t('members.ageTo')} min={15} max={80} onChange={(v) => setFilter('ageTo', v)} aria-label={t('members.ageTo')} />
          <InputNumber placeholder={t('members.joinedYear')} min={1950} max={2100} onChange={(v) => setFilter('joinedYear', v)} aria-label={t('members.joinedYear')} />
          <Popover trigger="click" title={t('common.columns')} content={
            <Checkbox.Group value={visible} onChange={(v) => chooseColumns(v as string[])} style={{ display: 'grid', gap: 4 }}
              options={ALL_COLUMNS.map((c) => ({ value: c, label: (columnDefs[c] as { title: string }).title }))} />
          }><Button icon={<SettingOutlined />}>{t('common.columns')}</Button></Popover>
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Table<MemberRow> rowKey="id" size="middle" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }}
          locale={{ emptyText: t('members.empty') }}
          onRow={(m) => ({ onClick: () => navigate(href(`/doan-vien/${m.id}`)), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            onChange: (p, s) => { setPage(p); setPageSize(s); }, showTotal: (n) => t('common.total', { count: n }) }}
          columns={[{ title: t('members.fullName'), dataIndex: 'fullName', fixed: 'left', width: 200, render: (v: string) => <a>{v}</a> },
            ...visible.filter((c) => columnDefs[c]).map((c) => ({ key: c, ...columnDefs[c] }))] as never} />
      </Card>
      <AdmissionDrawer open={admitting} onClose={() => setAdmitting(false)} onSaved={(id) => { setAdmitting(false); navigate(href(`/doan-vien/${id}`)); }} />
    </>
  );
}

function AdmissionDrawer(props: { open: boolean; onClose(): void; onSaved(id: number): void }) {
  const { t } = useTranslation();
  const { unitId, unit } = useUnitScope();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: any) => {
    setError(null);
    try {
      const saved = await api.post<{ id: number }>('/api/members', { ...v, birthDate: toIso(v.birthDate), joinedOn: toIso(v.joinedOn), partyJoinedOn: toIso(v.partyJoinedOn) });
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['members'] });
      props.onSaved(saved.id);
    } catch (err) { setError(applyApiError(form, err)); }
  };
  return (
    <Drawer open={props.open} onClose={props.onClose} title={t('members.admit')} size={560} destroyOnHidden
      footer={<Button type="primary" onClick={() => form.submit()}>{t('common.save')}</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ unitId: unit?.kind === 'grassroots' ? unitId : undefined, partyMember: false }}>
        <Form.Item name="unitId" label={t('members.grassroots')} rules={[{ required: true, message: t('members.grassroots') }]}>
          <UnitPicker kind="grassroots" initialLabel={unit?.kind === 'grassroots' ? unit.name : undefined} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fullName" label={t('members.fullName')} rules={[{ required: true, message: t('members.fullName') }, zodRule(admissionSchema, 'fullName')]}><Input /></Form.Item>
        <Space.Compact block>
          <Form.Item name="sex" label={t('members.sex')} rules={[{ required: true, message: t('members.sex') }]} style={{ width: '40%' }}>
            <Select options={['male', 'female'].map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('members.birthDate')} style={{ width: '60%' }}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        <Form.Item name="citizenId" label={t('members.citizenId')} rules={[zodRule(admissionSchema, 'citizenId')]}><Input inputMode="numeric" /></Form.Item>
        <Form.Item name="phone" label={t('members.phone')} rules={[zodRule(admissionSchema, 'phone')]}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="ethnicity" label={t('members.ethnicity')}><Input /></Form.Item>
        <Form.Item name="religion" label={t('members.religion')}><Input /></Form.Item>
        <Form.Item name="job" label={t('members.job')}><Input /></Form.Item>
        <Form.Item name="qualification" label={t('members.qualification')}><Input /></Form.Item>
        <Form.Item name="address" label={t('members.address')}><Input /></Form.Item>
        <Form.Item name="partyMember" label={t('members.partyMember')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="joinedOn" label={t('members.joinedOn')} rules={[{ required: true, message: t('members.joinedOn') }]}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="decisionNo" label={t('members.decisionNo')}><Input placeholder="12/QĐ-CĐCS" /></Form.Item>
      </Form>
    </Drawer>
  );
}
