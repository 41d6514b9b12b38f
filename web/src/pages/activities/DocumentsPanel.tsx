import { App, Button, Select, Space, Table, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { DOCUMENT_KINDS } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { fmtDateTime } from '../../components/format';

/** Files of a record (minutes, resolutions, photos): uploaded here, opened through the scope-checked route. */
export function DocumentsPanel({ ownerType, ownerId, canWrite }: { ownerType: string; ownerId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>('minutes');
  const key = ['documents', ownerType, ownerId];
  const { data = [], isFetching } = useQuery({ queryKey: key, queryFn: () => api.get<any[]>(`/api/documents${qs({ ownerType, ownerId })}`) });
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await api.post(`/api/documents${qs({ ownerType, ownerId, kind })}`, body);
      message.success(t('activities.uploaded'));
      await client.invalidateQueries({ queryKey: key });
    } catch (err) { message.error(errorText(err)); }
    return false;
  };
  const remove = (id: number) => modal.confirm({
    title: t('activities.removeDocument'), okText: t('common.confirm'),
    onOk: async () => { await api.post(`/api/documents/${id}/remove`, { reason: t('activities.removedByUser') }); await client.invalidateQueries({ queryKey: key }); },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Space wrap>
          <Select value={kind} onChange={setKind} style={{ width: 200 }} aria-label={t('activities.documentKind')}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`activities.documentKinds.${k}`) }))} />
          <Upload beforeUpload={upload} showUploadList={false} accept=".pdf,.docx,.jpg,.jpeg,.png,.webp,image/*">
            <Button icon={<UploadOutlined />}>{t('activities.upload')}</Button>
          </Upload>
        </Space>
      )}
      <Table size="small" rowKey="id" loading={isFetching} dataSource={data} pagination={false} scroll={{ x: 600 }}
        locale={{ emptyText: t('activities.noDocuments') }}
        columns={[
          { title: t('activities.fileName'), dataIndex: 'fileName', render: (n: string, d: any) => <a href={`/api/documents/${d.id}/file`} target="_blank" rel="noreferrer">{n}</a> },
          { title: t('activities.documentKind'), dataIndex: 'kind', render: (k: string) => t(`activities.documentKinds.${k}`) },
          { title: t('activities.uploadedAt'), dataIndex: 'uploadedAt', render: fmtDateTime, responsive: ['md'] },
          { title: t('activities.uploadedBy'), dataIndex: 'uploadedBy', responsive: ['md'] },
          ...(canWrite ? [{ title: '', key: 'x', width: 50, render: (_: unknown, d: any) => <Button size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(d.id)} /> }] : []),
        ]} />
    </Space>
  );
}
