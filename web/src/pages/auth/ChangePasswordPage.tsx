import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyApiError } from '../../components/forms';
import { useMe } from '../../auth/session';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('auth.passwordChanged'));
      await client.invalidateQueries({ queryKey: ['me'] });
      navigate('/');
    } catch (err) {
      setError(applyApiError(form, err));
    }
  };
  return (
    <Card title={t('auth.changePassword')} style={{ maxWidth: 460 }}>
      {me?.mustChangePassword && <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true }, { min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="confirm" label={t('auth.confirmPassword')} dependencies={['newPassword']} rules={[{ required: true },
          ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))) })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
