import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHILD_KINDS, GRASSROOTS_KINDS, SECTORS, unitInputSchema, type UnitKind } from '@cds/shared';
import { api } from '../../api/client';
import { applyApiError, zodRule } from '../../components/forms';
import { DATE_FORMAT, fromIso, toIso } from '../../components/format';
import type { Unit } from '../../scope/UnitScope';

/** Founds a unit under `parent`, or edits `unit` when given. */
export function UnitFormDrawer(props: { open: boolean; parent?: Unit; unit?: Unit; onClose(): void; onSaved(u: Unit): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = Boolean(props.unit);
  const kinds = props.parent ? CHILD_KINDS[props.parent.kind as UnitKind] : [];
  const kind = Form.useWatch('kind', form) ?? props.unit?.kind;

  useEffect(() => {
    if (!props.open) return;
    setError(null);
    form.resetFields();
    if (props.unit) form.setFieldsValue({ ...props.unit, foundedOn: fromIso(props.unit.foundedOn) });
    else form.setFieldsValue({ kind: kinds.includes('grassroots') ? 'grassroots' : kinds[0], grassrootsKind: 'enterprise' });
  }, [props.open, props.unit?.id]);

  const submit = async (values: any) => {
    setBusy(true);
    setError(null);
    const body = { ...values, foundedOn: toIso(values.foundedOn) };
    try {
      const saved = editing
        ? await api.patch<Unit>(`/api/units/${props.unit!.id}`, { ...body, kind: undefined, version: props.unit!.version })
        : await api.post<Unit>('/api/units', { ...body, parentId: props.parent!.id });
      message.success(editing ? t('common.saved') : t('units.created'));
      props.onSaved(saved);
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={props.open} onClose={props.onClose} size={520} destroyOnHidden
      title={editing ? t('units.editTitle') : t('units.createUnder', { name: props.parent?.name })}
      footer={<Button type="primary" loading={busy} onClick={() => form.submit()}>{t('common.save')}</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {!editing && (
          <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, message: t('units.name') }, zodRule(unitInputSchema, 'name')]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('units.code')} rules={[{ required: true, message: t('units.code') }, zodRule(unitInputSchema, 'code')]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.shortName')}><Input /></Form.Item>
        {kind === 'grassroots' && (
          <Form.Item name="grassrootsKind" label={t('units.grassrootsKind')} rules={[{ required: true }]}>
            <Select options={GRASSROOTS_KINDS.map((k) => ({ value: k, label: t(`grassrootsKinds.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="sector" label={t('units.sector')}>
          <Select allowClear options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))} />
        </Form.Item>
        <Form.Item name="ward" label={t('units.ward')}><Input /></Form.Item>
        <Form.Item name="industrialZone" label={t('units.industrialZone')}><Input /></Form.Item>
        <Form.Item name="address" label={t('units.address')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('units.phone')}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="email" label={t('units.email')} rules={[zodRule(unitInputSchema, 'email')]}><Input inputMode="email" /></Form.Item>
        <Form.Item name="foundedOn" label={t('units.foundedOn')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Drawer>
  );
}
