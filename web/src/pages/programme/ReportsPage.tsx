import { useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportStatus } from '@cds/shared';
import { api, errorText, qs } from '../../api/client';
import { useUnitScope } from '../../scope/UnitScope';
import { useMe, hasAnywhere } from '../../auth/session';
import { fmtDateTime, fmtNumber } from '../../components/format';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', returned: 'warning', accepted: 'success', exempted: 'purple', none: 'error' };
interface Board {
  report: { id: number; status: ReportStatus; version: number } | null; pending: number;
  children: { unitId: number; name: string; code: string; status: ReportStatus | null; reportId: number | null; submittedAt: string | null }[];
}
interface Report {
  id: number; unitName: string; status: ReportStatus; version: number; rowVersion: number; frozen: boolean; reviewComment: string | null;
  narrative: { heading: string; body: string }[];
  figures: { targets: { code: string; title: string; groups: { value: number | null; threshold: number | null; status: string }[]; indicator: { kind: string } | null }[] };
}
const THIS_YEAR = new Date().getFullYear();

/** Periodic reports: the unit's own report, and who below has and has not submitted, with review actions. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { unitId } = useUnitScope();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ReportKind>('year');
  const [year, setYear] = useState(THIS_YEAR);
  const [openId, setOpenId] = useState<number | null>(null);
  const board = useQuery({ queryKey: ['report-board', unitId, kind, year], enabled: unitId !== null, queryFn: () => api.get<Board>(`/api/reports/board${qs({ unitId, kind, year })}`) });
  const done = () => { qc.invalidateQueries({ queryKey: ['report-board'] }); qc.invalidateQueries({ queryKey: ['report'] }); };
  const onError = (e: unknown) => message.error(errorText(e));
  const create = useMutation({ mutationFn: () => api.post<Report>('/api/reports', { unitId, kind, year }), onSuccess: (r) => { done(); setOpenId(r.id); }, onError });
  const exempt = useMutation({ mutationFn: (id: number) => api.post('/api/reports/exempt', { unitId: id, kind, year, comment: t('reports.exemptDefault') }), onSuccess: done, onError });
  const canReview = hasAnywhere(me, 'report.review');

  return (
    <>
      <Typography.Title level={3} className="cds-page-title">{t('reports.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented value={kind} onChange={(v) => setKind(v as ReportKind)} options={[{ value: 'half_year', label: t('reports.kinds.half_year') }, { value: 'year', label: t('reports.kinds.year') }]} />
        <InputNumber aria-label={t('programme.year')} min={2000} max={THIS_YEAR} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {board.error && <Alert type="error" showIcon message={errorText(board.error)} />}
      <Card title={t('reports.own')} style={{ marginBottom: 16 }}>
        {board.data?.report ? (
          <Space><Tag color={STATUS_COLOR[board.data.report.status]}>{t(`reports.status.${board.data.report.status}`)}</Tag>
            <span>{t('reports.version', { v: board.data.report.version })}</span>
            <Button type="primary" onClick={() => setOpenId(board.data!.report!.id)}>{t('reports.open')}</Button></Space>
        ) : <Button type="primary" loading={create.isPending} onClick={() => create.mutate()} disabled={!hasAnywhere(me, 'report.submit')}>{t('reports.create')}</Button>}
      </Card>
      <Card title={t('reports.below', { pending: board.data?.pending ?? 0 })}>
        <Table rowKey="unitId" dataSource={board.data?.children ?? []} pagination={false} columns={[
          { title: t('reports.unit'), dataIndex: 'name' },
          { title: t('reports.statusCol'), render: (_, c) => <Tag color={STATUS_COLOR[c.status ?? 'none']}>{t(`reports.status.${c.status ?? 'none'}`)}</Tag> },
          { title: t('reports.submittedAt'), render: (_, c) => fmtDateTime(c.submittedAt) },
          { title: '', render: (_, c) => (
            <Space>
              {c.reportId && <Button size="small" onClick={() => setOpenId(c.reportId)}>{t('reports.open')}</Button>}
              {canReview && (c.status === null || c.status === 'draft' || c.status === 'returned') && <Button size="small" onClick={() => exempt.mutate(c.unitId)}>{t('reports.exempt')}</Button>}
            </Space>
          ) },
        ]} />
      </Card>
      {openId !== null && <ReportModal id={openId} onClose={() => { setOpenId(null); done(); }} canReview={canReview} />}
    </>
  );
}

function ReportModal({ id, onClose, canReview }: { id: number; onClose(): void; canReview: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: r } = useQuery({ queryKey: ['report', id], queryFn: () => api.get<Report>(`/api/reports/${id}`) });
  const [narrative, setNarrative] = useState<Report['narrative'] | null>(null);
  const [comment, setComment] = useState('');
  const sections = narrative ?? r?.narrative ?? [];
  const after = () => { setNarrative(null); qc.invalidateQueries({ queryKey: ['report', id] }); qc.invalidateQueries({ queryKey: ['report-board'] }); };
  const act = useMutation({
    mutationFn: async (action: 'save' | 'submit' | 'accept' | 'return' | 'revise') => {
      if (!r) return;
      if (action === 'save') return api.patch(`/api/reports/${id}`, { rowVersion: r.rowVersion, narrative: sections });
      if (action === 'submit') {
        const saved = narrative ? await api.patch<Report>(`/api/reports/${id}`, { rowVersion: r.rowVersion, narrative: sections }) : r;
        return api.post(`/api/reports/${id}/submit`, { rowVersion: saved.rowVersion });
      }
      return api.post(`/api/reports/${id}/${action}`, { rowVersion: r.rowVersion, comment: comment || null });
    },
    onSuccess: () => { after(); message.success(t('common.saved', { defaultValue: 'Đã lưu' })); },
    onError: (e) => message.error(errorText(e)),
  });
  const editable = r && (r.status === 'draft' || r.status === 'returned');
  return (
    <Modal open width={900} onCancel={onClose} title={r ? `${r.unitName} · ${t(`reports.status.${r.status}`)} · ${t('reports.version', { v: r.version })}` : ''} footer={r && (
      <Space wrap>
        {editable && <Button onClick={() => act.mutate('save')}>{t('reports.save')}</Button>}
        {editable && <Button type="primary" onClick={() => act.mutate('submit')}>{t('reports.submit')}</Button>}
        {canReview && r.status === 'submitted' && <>
          <Input placeholder={t('reports.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 260 }} />
          <Button danger onClick={() => act.mutate('return')}>{t('reports.return')}</Button>
          <Button type="primary" onClick={() => act.mutate('accept')}>{t('reports.accept')}</Button>
        </>}
        {r.status === 'accepted' && <Button onClick={() => act.mutate('revise')}>{t('reports.revise')}</Button>}
      </Space>
    )}>
      {r?.reviewComment && <Alert type="warning" showIcon message={r.reviewComment} style={{ marginBottom: 12 }} />}
      <Typography.Title level={5}>{r?.frozen ? t('reports.frozenFigures') : t('reports.liveFigures')}</Typography.Title>
      <Table size="small" pagination={false} rowKey="code" dataSource={r?.figures.targets ?? []} columns={[
        { title: t('programme.code'), dataIndex: 'code', width: 60 },
        { title: t('programme.target'), dataIndex: 'title' },
        { title: t('programme.valueVsThreshold'), render: (_, x) => x.groups.map((g, i) => (
          <div key={i}>{g.status === 'na' ? t('programme.notApplicable') : g.status === 'no_data' ? t('programme.noData') : `${fmtNumber(g.value)}${x.indicator?.kind === 'ratio' ? '%' : ''}`}{g.threshold !== null ? ` / ${fmtNumber(g.threshold)}` : ''}</div>
        )) },
      ]} />
      {sections.map((s, i) => (
        <div key={i} style={{ marginTop: 12 }}>
          <Typography.Text strong>{s.heading}</Typography.Text>
          <Input.TextArea aria-label={s.heading} autoSize={{ minRows: 2 }} value={s.body} disabled={!editable}
            onChange={(e) => setNarrative(sections.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)))} />
        </div>
      ))}
    </Modal>
  );
}
