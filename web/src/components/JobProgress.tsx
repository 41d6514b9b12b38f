import { useEffect } from 'react';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download, errorText } from '../api/client';
import { fmtNumber } from './format';

export interface JobView {
  id: number; kind: string; status: 'queued' | 'running' | 'done' | 'failed'; title: string;
  rowsDone: number; rowsTotal: number | null; phase: string | null; result: any; error: string | null; resultFileName: string | null;
}

/**
 * Progress of a background job (import, report): rows done / total, what is happening, the
 * error if it failed, and the result file to download. It polls the server, so the user may
 * leave the page and come back with the job id (keep it in the URL).
 */
export function JobProgress(props: { jobId: number; onFinished?: (job: JobView) => void; downloadLabel?: string }) {
  const { t } = useTranslation();
  const { data: job, error } = useQuery({
    queryKey: ['job', props.jobId],
    queryFn: () => api.get<JobView>(`/api/jobs/${props.jobId}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
  const finished = job?.status === 'done' || job?.status === 'failed';
  useEffect(() => {
    if (job && finished) props.onFinished?.(job);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.status]);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!job) return <Progress percent={0} status="active" />;
  const percent = job.status === 'done' ? 100 : job.rowsTotal ? Math.min(99, Math.floor((job.rowsDone / job.rowsTotal) * 100)) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Text strong>{job.title}</Typography.Text>
      <Progress percent={percent} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
      <Typography.Text type="secondary" aria-live="polite">
        {job.status === 'queued' && t('jobs.queued')}
        {job.status === 'running' && (job.rowsTotal
          ? t('jobs.rowsOfTotal', { done: fmtNumber(job.rowsDone), total: fmtNumber(job.rowsTotal) })
          : t('jobs.rows', { done: fmtNumber(job.rowsDone) }))}
        {job.status === 'running' && job.phase ? ` — ${job.phase}` : ''}
        {job.status === 'done' && t('jobs.done')}
      </Typography.Text>
      {job.status === 'failed' && <Alert type="error" showIcon title={job.error ?? t('jobs.failed')} />}
      {job.status === 'done' && job.resultFileName && (
        <Button icon={<DownloadOutlined />} onClick={() => download(`/api/jobs/${job.id}/result`, job.resultFileName!)}>
          {props.downloadLabel ?? t('jobs.download')}
        </Button>
      )}
    </Space>
  );
}
