import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Radio, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MemberImportMode } from '@cds/shared';
import { api, errorText } from '../../../api/client';
import { JobProgress, type JobView } from '../../../components/JobProgress';
import { fmtNumber } from '../../../components/format';
import { UnitPicker } from '../../../components/UnitPicker';
import { useScopedHref, useUnitScope } from '../../../scope/UnitScope';

interface Analysis {
  uploadId: number; fileName: string; headerRows: number[]; dataStartRow: number; remembered: boolean; totalRows: number | null;
  columns: { index: number; letter: string; header: string; samples: string[] }[];
  fields: { key: string; label: string }[];
  mapping: Record<string, number | null>;
}
interface CellError { field: string; message: string }
interface PreviewRow { row: number; status: Status; errors: CellError[]; message: string; values: Record<string, unknown> | null }
type Status = 'created' | 'updated' | 'duplicate' | 'invalid' | 'skipped';
interface Summary { rows: number; created: number; updated: number; duplicate: number; invalid: number; skipped: number }

const STATUS_COLORS: Record<Status, string> = { created: 'green', updated: 'blue', duplicate: 'gold', invalid: 'red', skipped: 'default' };
const PREVIEW_FIELDS = ['fullName', 'sex', 'birthDate', 'citizenId', 'phone', 'joinedOn', 'group'] as const;

/**
 * "Nhập Excel" of the member list: upload → check the column mapping → preview the first rows
 * with each cell's status → import in the background with a progress bar → result and file.
 */
export function MemberImportPage() {
  const { t } = useTranslation();
  const href = useScopedHref();
  const { unit } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('job')) || null;
  const [unitId, setUnitId] = useState<number | null>(unit?.kind === 'grassroots' ? unit.id : null);
  const targetId = unitId ?? (unit?.kind === 'grassroots' ? unit.id : null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [mode, setMode] = useState<MemberImportMode>('valid_only');
  const [preview, setPreview] = useState<{ summary: Summary; rows: PreviewRow[] } | null>(null);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState<JobView | null>(null);

  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true); setError(null);
    try { return await fn(); } catch (err) { setError(errorText(err)); return undefined; } finally { setBusy(false); }
  };
  const upload = (file: File) => run(async () => {
    const form = new FormData();
    form.append('file', file);
    const a = await api.post<Analysis>(`/api/member-imports/upload?unitId=${targetId}`, form);
    setAnalysis(a); setMapping(a.mapping); setPreview(null); setStep(1);
  });
  const body = () => ({ uploadId: analysis!.uploadId, unitId: targetId, mapping, mode });
  const loadPreview = () => run(async () => { setPreview(await api.post('/api/member-imports/preview', body())); setStep(2); });
  const start = () => run(async () => {
    const { jobId: id } = await api.post<{ jobId: number }>('/api/member-imports', body());
    setFinished(null);
    setParams((p) => { const next = new URLSearchParams(p); next.set('job', String(id)); return next; });
  });
  const restart = () => {
    setAnalysis(null); setPreview(null); setFinished(null); setStep(0);
    setParams((p) => { const next = new URLSearchParams(p); next.delete('job'); return next; });
  };
  const current = jobId ? 3 : step;
  const columnLabel = (i: number | null) => { const c = analysis?.columns.find((x) => x.index === i); return c ? `${c.letter} — ${c.header}` : ''; };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} className="cds-page-title">{t('memberImport.title')}</Typography.Title>
        <Link to={href('/doan-vien')}><ArrowLeftOutlined /> {t('memberImport.back')}</Link>
      </Space>
      <Card>
        <Steps current={current} style={{ marginBottom: 24 }} responsive
          items={[t('memberImport.steps.upload'), t('memberImport.steps.mapping'), t('memberImport.steps.preview'), t('memberImport.steps.run')].map((title) => ({ title }))} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}

        {current === 0 && (
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <div>
              <Typography.Text strong>{t('memberImport.unit')}</Typography.Text><br />
              <UnitPicker kind="grassroots" value={targetId} onChange={(id) => setUnitId(id)} under={unit?.id}
                initialLabel={unit?.kind === 'grassroots' ? unit.name : undefined} style={{ width: 'min(480px, 100%)' }} placeholder={t('memberImport.chooseGrassroots')} />
            </div>
            {targetId ? (
              <Upload.Dragger accept=".xlsx" showUploadList={false} disabled={busy} beforeUpload={(file) => { void upload(file); return false; }}>
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">{busy ? t('memberImport.uploading') : t('memberImport.dropTitle')}</p>
                <p className="ant-upload-hint">{t('memberImport.dropHint')}</p>
              </Upload.Dragger>
            ) : <Alert type="info" showIcon title={t('memberImport.chooseGrassroots')} />}
          </Space>
        )}

        {current === 1 && analysis && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('memberImport.headerFound', { rows: analysis.headerRows.join('–'), start: analysis.dataStartRow })}
              description={analysis.remembered ? t('memberImport.remembered') : t('memberImport.auto')} />
            <Table rowKey="key" size="small" pagination={false} dataSource={analysis.fields} scroll={{ x: 600 }}
              columns={[
                { title: t('memberImport.field'), dataIndex: 'label', width: 220 },
                {
                  title: t('memberImport.column'), key: 'column', width: 300,
                  render: (_: unknown, f: { key: string; label?: string }) => (
                    <Select aria-label={f.label ?? f.key} style={{ width: '100%' }} value={mapping[f.key] ?? -1}
                      onChange={(v: number) => setMapping((m) => ({ ...m, [f.key]: v === -1 ? null : v }))}
                      options={[{ value: -1, label: t('memberImport.notInFile') }, ...analysis.columns.map((c) => ({ value: c.index, label: columnLabel(c.index) }))]} />
                  ),
                },
                {
                  title: t('memberImport.samples'), key: 'samples',
                  render: (_: unknown, f: { key: string }) => <Typography.Text type="secondary">{analysis.columns.find((c) => c.index === mapping[f.key])?.samples.join(' · ')}</Typography.Text>,
                },
              ]} />
            <Space>
              <Button onClick={restart}>{t('memberImport.previous')}</Button>
              <Button type="primary" loading={busy} onClick={loadPreview}>{t('memberImport.next')}</Button>
            </Space>
          </Space>
        )}

        {current === 2 && preview && analysis && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('memberImport.previewTitle', { count: preview.rows.filter((r) => r.status !== 'skipped').length })}</Typography.Text>
            <Table<PreviewRow> rowKey="row" size="small" dataSource={preview.rows} pagination={{ pageSize: 20 }} scroll={{ x: 1100 }}
              columns={[
                { title: t('memberImport.row'), dataIndex: 'row', width: 60 },
                { title: t('memberImport.result'), dataIndex: 'status', width: 100, render: (s: Status) => <Tag color={STATUS_COLORS[s]}>{t(`memberImport.statuses.${s}`)}</Tag> },
                ...PREVIEW_FIELDS.map((key) => ({
                  title: analysis.fields.find((f) => f.key === key)?.label, key, width: key === 'fullName' ? 180 : 120,
                  render: (_: unknown, r: PreviewRow) => {
                    const bad = r.errors.some((e) => e.field === key || (key === 'fullName' && ['givenName', 'familyMiddleName'].includes(e.field)) || (key === 'birthDate' && e.field.startsWith('birthDate')));
                    const v = r.values?.[key];
                    const yearOnly = key === 'birthDate' && r.values?.birthPrecision === 'year';
                    const text = v === null || v === undefined ? '' : key === 'sex' ? (v === 'male' ? 'Nam' : 'Nữ')
                      : yearOnly ? String(v).slice(0, 4) : /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? String(v).split('-').reverse().join('/') : String(v);
                    return bad ? <Typography.Text type="danger">{text || '∅'}</Typography.Text> : text;
                  },
                })),
                { title: t('memberImport.note'), dataIndex: 'message', width: 320 },
              ]} />
            <Space wrap>
              <Typography.Text strong>{t('memberImport.mode')}:</Typography.Text>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}
                options={(['valid_only', 'all_or_nothing'] as const).map((m) => ({ value: m, label: t(`memberImport.modes.${m}`) }))} />
            </Space>
            <Space>
              <Button onClick={() => setStep(1)}>{t('memberImport.previous')}</Button>
              <Button type="primary" loading={busy} onClick={start}>{t('memberImport.start')}</Button>
            </Space>
          </Space>
        )}

        {current === 3 && jobId && (
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <JobProgress jobId={jobId} onFinished={setFinished} downloadLabel={t('memberImport.downloadResult')} />
            {!finished && <Typography.Text type="secondary">{t('memberImport.leaveHint')}</Typography.Text>}
            {finished?.status === 'done' && <ImportSummary result={finished.result} />}
            <Space>
              {finished && <Link to={href('/doan-vien')}><Button type="primary">{t('memberImport.seeMembers')}</Button></Link>}
              {finished && <Button onClick={restart}>{t('memberImport.another')}</Button>}
            </Space>
          </Space>
        )}
      </Card>
    </>
  );
}

function ImportSummary({ result }: { result: { summary: Summary; committed: boolean; problems: { row: number; status: Status; errors?: CellError[] }[] } }) {
  const { t } = useTranslation();
  const s = result.summary;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('memberImport.summary')}</Typography.Title>
      {result.committed
        ? <Alert type="success" showIcon title={t('memberImport.committed')} />
        : <Alert type="warning" showIcon title={t('memberImport.notCommitted', { count: s.invalid })} />}
      <Space wrap size="large" data-testid="import-summary">
        <Statistic title={t('memberImport.rows')} value={fmtNumber(s.rows)} />
        {(['created', 'updated', 'duplicate', 'invalid', 'skipped'] as const).map((k) => (
          <Statistic key={k} title={t(`memberImport.statuses.${k}`)} value={fmtNumber(s[k])} />
        ))}
      </Space>
      {result.problems.length > 0 && (
        <>
          <Typography.Text strong>{t('memberImport.problems')}</Typography.Text>
          <Table rowKey="row" size="small" dataSource={result.problems} pagination={{ pageSize: 10 }}
            columns={[
              { title: t('memberImport.row'), dataIndex: 'row', width: 70 },
              { title: t('memberImport.result'), dataIndex: 'status', width: 100, render: (v: Status) => <Tag color={STATUS_COLORS[v]}>{t(`memberImport.statuses.${v}`)}</Tag> },
              { title: t('memberImport.note'), key: 'errors', render: (_: unknown, r: { errors?: CellError[] }) => (r.errors ?? []).map((e) => e.message).join('; ') },
            ]} />
        </>
      )}
    </Space>
  );
}
