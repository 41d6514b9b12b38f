import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GRANTABLE_ROLES, userInputSchema, type Role } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { allows, useMe } from '../../auth/session';
import { applyApiError, zodRule } from '../../components/forms';
import { fmtDateTime } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import { useUnitScope } from '../../scope/UnitScope';

interface UserRow {
  id: number; username: string; fullName: string; email: string | null; phone: string | null; active: boolean;
  lastLoginAt: string | null; lockedUntil: string | null; grants: { id: number; role: Role; unitId: number; unitName: string }[];
}

function useGrantableRoles(): Role[] {
  const { data: me } = useMe();
  return [...new Set(me?.grants.flatMap((g) => GRANTABLE_ROLES[g.role]) ?? [])];
}

function GrantFields() {
  const { t } = useTranslation();
  const roles = useGrantableRoles();
  const { unitId, unit } = useUnitScope();
  return (
    <>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.role') }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="unitId" label={t('users.unit')} initialValue={unitId ?? undefined} extra={t('users.scopeHint')} rules={[{ required: true }]}>
        <UnitPicker initialLabel={unit?.name} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** Accounts with a role in the chosen subtree; roles are granted only within the granter's own scope. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const { unitId, unit } = useUnitScope();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [grantForm] = Form.useForm();
  const canWrite = allows(me, 'user.write', unit?.path);
  const { data, isFetching } = useQuery({
    queryKey: ['users', unitId, text, page],
    queryFn: () => api.get<{ rows: UserRow[]; total: number }>(`/api/users${qs({ unitId, q: text, page, pageSize: 20 })}`),
    enabled: Boolean(unitId),
  });
  const reload = () => client.invalidateQueries({ queryKey: ['users'] });
  const showPassword = (password: string) => modal.info({
    title: t('users.temporaryPassword'),
    content: <><Typography.Title level={3} copyable>{password}</Typography.Title><Typography.Paragraph>{t('users.temporaryPasswordHint')}</Typography.Paragraph></>,
  });
  const act = async (fn: () => Promise<unknown>) => {
    try { await fn(); message.success(t('common.saved')); reload(); } catch (err) { message.error(errorText(err)); }
  };

  const create = async (values: any) => {
    setError(null);
    try {
      const res = await api.post<{ id: number; temporaryPassword: string }>('/api/users', values);
      setCreating(false);
      form.resetFields();
      reload();
      showPassword(res.temporaryPassword);
    } catch (err) { setError(applyApiError(form, err)); }
  };
  const grant = async (values: any) => {
    setError(null);
    try {
      await api.post(`/api/users/${granting!.id}/grants`, values);
      setGranting(null);
      reload();
    } catch (err) { setError(applyApiError(grantForm, err)); }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} className="cds-page-title">{t('users.title')}</Typography.Title>
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setCreating(true); }}>{t('users.create')}</Button>}
      </Space>
      <Card>
        <Input.Search allowClear placeholder={t('common.searchPlaceholder')} onSearch={(v) => { setText(v); setPage(1); }} style={{ maxWidth: 320, marginBottom: 12 }} />
        <Table<UserRow> rowKey="id" loading={isFetching} dataSource={data?.rows ?? []} scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
          columns={[
            { title: t('users.fullName'), dataIndex: 'fullName' },
            { title: t('users.username'), dataIndex: 'username' },
            {
              title: t('users.grants'), dataIndex: 'grants', render: (grants: UserRow['grants'], u) => grants.map((g) => (
                <Tag key={g.id} closable={canWrite && u.id !== me?.id} onClose={(e) => {
                  e.preventDefault();
                  modal.confirm({ title: t('users.revokeConfirm'), onOk: () => act(() => api.post(`/api/users/${u.id}/grants/${g.id}/revoke`)) });
                }}>{t(`roles.${g.role}`)} · {g.unitName}</Tag>
              )),
            },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: fmtDateTime, responsive: ['lg'] },
            {
              title: t('common.status'), key: 'status', render: (_, u) => !u.active ? <Tag color="red">{t('users.inactive')}</Tag>
                : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Tag color="orange">{t('users.locked')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
            },
            ...(canWrite ? [{
              title: t('common.actions'), key: 'actions', render: (_: unknown, u: UserRow) => u.id !== me?.id && (
                <Space wrap size="small">
                  <Button size="small" onClick={() => { setError(null); grantForm.resetFields(); setGranting(u); }}>{t('users.grant')}</Button>
                  <Popconfirm title={t('users.resetPassword') + '?'} onConfirm={() => act(async () => showPassword((await api.post(`/api/users/${u.id}/reset-password`)).temporaryPassword))}>
                    <Button size="small">{t('users.resetPassword')}</Button>
                  </Popconfirm>
                  <Button size="small" danger={u.active} onClick={() => act(() => api.post(`/api/users/${u.id}/active`, { active: !u.active }))}>
                    {u.active ? t('users.deactivate') : t('users.activate')}
                  </Button>
                </Space>
              ),
            }] : []),
          ]} />
      </Card>
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('users.create')} size={480} destroyOnHidden
        footer={<Button type="primary" onClick={() => form.submit()}>{t('common.save')}</Button>}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, message: t('users.fullName') }, zodRule(userInputSchema, 'fullName')]}><Input /></Form.Item>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('users.username') }, zodRule(userInputSchema, 'username')]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="email" label={t('users.email')}><Input inputMode="email" /></Form.Item>
          <Form.Item name="phone" label={t('users.phone')}><Input inputMode="tel" /></Form.Item>
          <GrantFields />
        </Form>
      </Drawer>
      <Modal open={Boolean(granting)} title={`${t('users.grant')}: ${granting?.fullName ?? ''}`} onCancel={() => setGranting(null)} onOk={() => grantForm.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={grantForm} layout="vertical" onFinish={grant}><GrantFields /></Form>
      </Modal>
    </>
  );
}
