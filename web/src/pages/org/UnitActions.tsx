import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyApiError } from '../../components/forms';
import { DATE_FORMAT, toIso } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import type { Unit } from '../../scope/UnitScope';

export type UnitAction = 'move' | 'dissolve' | 'merge';

/** Move, dissolve and merge: each asks what it needs, explains what happens, and refuses in Vietnamese. */
export function UnitActionModal(props: { action: UnitAction | null; unit: Unit; onClose(): void; onDone(u: Unit): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { action, unit } = props;
  if (!action) return null;

  const titles: Record<UnitAction, string> = {
    move: t('units.move'), dissolve: t('units.dissolveTitle', { name: unit.name }), merge: t('units.mergeTitle', { name: unit.name }),
  };
  const hints: Record<UnitAction, string> = { move: t('units.moveHint'), dissolve: t('units.dissolveHint'), merge: t('units.mergeHint') };

  const submit = async (values: any) => {
    setBusy(true);
    setError(null);
    const onDate = toIso(values.onDate);
    try {
      const body = action === 'move' ? { parentId: values.parentId, onDate, note: values.note, version: unit.version }
        : action === 'dissolve' ? { onDate, reason: values.reason, version: unit.version }
          : { intoId: values.intoId, onDate, version: unit.version };
      const saved = await api.post<Unit>(`/api/units/${unit.id}/${action}`, body);
      message.success(t('common.saved'));
      props.onDone(saved);
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={titles[action]} onCancel={props.onClose} onOk={() => form.submit()} okText={t('common.confirm')}
      cancelText={t('common.cancel')} confirmLoading={busy} okButtonProps={{ danger: action !== 'move' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hints[action]}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ onDate: dayjs() }}>
        {action === 'move' && (
          <Form.Item name="parentId" label={t('units.newParent')} rules={[{ required: true, message: t('units.newParent') }]}>
            <UnitPicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="intoId" label={t('units.mergeInto')} rules={[{ required: true, message: t('units.mergeInto') }]}>
            <UnitPicker kind={unit.kind} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="onDate" label={t('common.date')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        {action === 'dissolve' && (
          <Form.Item name="reason" label={t('units.reason')} rules={[{ required: true, message: t('units.reason') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'move' && <Form.Item name="note" label={t('common.note')}><Input /></Form.Item>}
      </Form>
    </Modal>
  );
}
