import { useState } from 'react';
import { Alert, App, Button, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';

interface Suggestion { memberId: number; fullName: string; unitName: string; birthYear: number | null }
interface Preview {
  matched: { row: number; name: string; memberId: number; fullName: string; unitName: string; by: string; present: boolean }[];
  unmatched: { row: number; name: string; reason: string; suggestions: Suggestion[] }[];
  sheet: string; rows: number;
}

/** An attendance sheet (.xlsx): matched names are listed for confirmation; unmatched ones come with suggestions, never guessed. */
export function ImportPanel({ activityId, onSaved }: { activityId: number; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [chosen, setChosen] = useState<Record<number, number | undefined>>({});
  const [busy, setBusy] = useState(false);
  const read = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try { setPreview(await api.post<Preview>(`/api/activities/${activityId}/attendance/import`, body)); setChosen({}); } catch (err) { message.error(errorText(err)); } finally { setBusy(false); }
    return false;
  };
  const save = async () => {
    if (!preview) return;
    const ids = [...preview.matched.filter((m) => !m.present).map((m) => m.memberId), ...Object.values(chosen).filter((v): v is number => typeof v === 'number')];
    setBusy(true);
    try {
      const r = await api.post<{ added: number }>(`/api/activities/${activityId}/attendance`, { memberIds: [...new Set(ids)], method: 'import' });
      message.success(t('activities.marked', { count: r.added }));
      setPreview(null);
      onSaved();
    } catch (err) { message.error(errorText(err)); } finally { setBusy(false); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('activities.imp.hint')}</Typography.Paragraph>
      <Upload beforeUpload={read} showUploadList={false} accept=".xlsx"><Button icon={<UploadOutlined />} loading={busy}>{t('activities.imp.choose')}</Button></Upload>
      {preview && (
        <>
          <Alert type={preview.unmatched.length ? 'warning' : 'success'} showIcon
            title={t('activities.imp.summary', { rows: preview.rows, matched: preview.matched.length, unmatched: preview.unmatched.length })} />
          {preview.unmatched.length > 0 && (
            <Table size="small" rowKey="row" pagination={false} dataSource={preview.unmatched} scroll={{ x: 520 }} title={() => t('activities.imp.unmatched')}
              columns={[
                { title: t('activities.imp.row'), dataIndex: 'row', width: 60 },
                { title: t('activities.imp.name'), dataIndex: 'name' },
                { title: t('activities.imp.suggestions'), key: 's', render: (_, u) => u.suggestions.length === 0 ? <Tag>{t(`activities.imp.reasons.${u.reason}`)}</Tag> : (
                  <Radio.Group value={chosen[u.row]} onChange={(e) => setChosen((c) => ({ ...c, [u.row]: e.target.value }))}>
                    <Space orientation="vertical">
                      {u.suggestions.map((s) => <Radio key={s.memberId} value={s.memberId}>{s.fullName}{s.birthYear ? ` (${s.birthYear})` : ''} · {s.unitName}</Radio>)}
                      <Radio value={undefined}>{t('activities.imp.skip')}</Radio>
                    </Space>
                  </Radio.Group>
                ) },
              ]} />
          )}
          <Table size="small" rowKey="row" dataSource={preview.matched} pagination={{ pageSize: 20 }} scroll={{ x: 520 }} title={() => t('activities.imp.matched')}
            columns={[
              { title: t('activities.imp.row'), dataIndex: 'row', width: 60 },
              { title: t('activities.imp.name'), dataIndex: 'name' },
              { title: t('members.fullName'), dataIndex: 'fullName', render: (n: string, m) => <>{n} {m.present && <Tag color="green">{t('activities.att.isPresent')}</Tag>}</> },
              { title: t('activities.imp.by'), dataIndex: 'by', render: (b: string) => t(`activities.imp.byKinds.${b}`) },
            ]} />
          <Button type="primary" loading={busy} onClick={save}>{t('activities.imp.save')}</Button>
        </>
      )}
    </Space>
  );
}
