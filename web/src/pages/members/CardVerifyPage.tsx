import { useParams } from 'react-router-dom';
import { Card, Result, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api/client';
import { fmtDate } from '../../components/format';

/** What scanning a member card's QR opens, without signing in: name, union and validity only. */
export function CardVerifyPage() {
  const { token } = useParams();
  const { t } = useTranslation();
  const { data, error, isLoading } = useQuery({
    queryKey: ['verify', token], retry: false,
    queryFn: () => api.get<{ valid: boolean; fullName: string; unitName: string; validUntil: string; reason: string | null }>(`/api/cards/verify/${encodeURIComponent(token ?? '')}`),
  });
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f4f6f9' }}>
      <Card style={{ width: 420, maxWidth: '100%' }} title={t('members.verifyTitle')}>
        {isLoading ? <Spin /> : error ? <Result status="error" title={t('members.cardInvalid')} subTitle={errorText(error)} /> : data && (
          <Result status={data.valid ? 'success' : 'warning'} title={data.valid ? t('members.cardValid') : t('members.cardNotValid')}
            subTitle={<>
              <div style={{ fontSize: 18, fontWeight: 600, color: '#000' }}>{data.fullName}</div>
              <div>{data.unitName}</div>
              <div>{t('members.validUntil')}: {fmtDate(data.validUntil)}</div>
              {data.reason && <div style={{ color: '#d4380d' }}>{data.reason}</div>}
            </>} />
        )}
      </Card>
    </main>
  );
}
