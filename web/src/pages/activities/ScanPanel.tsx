import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, List, Space, Tag, Typography } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import jsQR from 'jsqr';
import { api, errorText } from '../../api/client';

interface ScanResult { key: number; ok: boolean; text: string }

/**
 * Checks members in at the door from their e-card QR (the phone's camera), or by the card number
 * typed in. Uses the browser's BarcodeDetector where it exists, jsQR elsewhere.
 */
export function ScanPanel({ activityId, onScanned }: { activityId: number; onScanned(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [camError, setCamError] = useState<string | null>(null);
  const [results, setResults] = useState<ScanResult[]>([]);
  const [card, setCard] = useState('');
  const last = useRef<{ code: string; at: number }>({ code: '', at: 0 });

  const submit = async (body: { token?: string; cardNumber?: string }) => {
    try {
      const r = await api.post<{ status: 'added' | 'already'; member: { fullName: string; unitName: string } }>(`/api/activities/${activityId}/attendance/scan`, body);
      setResults((x) => [{ key: Date.now(), ok: true, text: `${r.member.fullName} · ${r.member.unitName} — ${t(`activities.scan.${r.status}`)}` }, ...x].slice(0, 30));
      if (navigator.vibrate) navigator.vibrate(80);
      onScanned();
    } catch (err) {
      setResults((x) => [{ key: Date.now(), ok: false, text: errorText(err) }, ...x].slice(0, 30));
    }
  };

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const Detector = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => { detect(s: CanvasImageSource): Promise<{ rawValue: string }[]> } }).BarcodeDetector;
    const detector = Detector ? new Detector({ formats: ['qr_code'] }) : null;
    const tick = async () => {
      const v = video.current;
      if (stopped || !v || v.readyState < 2) { timer = window.setTimeout(tick, 200); return; }
      let code: string | null = null;
      if (detector) {
        const found = await detector.detect(v).catch(() => []);
        code = found[0]?.rawValue ?? null;
      } else {
        canvas.width = v.videoWidth; canvas.height = v.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(v, 0, 0);
        const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
        code = jsQR(img.data, img.width, img.height)?.data ?? null;
      }
      const now = Date.now();
      if (code && (code !== last.current.code || now - last.current.at > 4000)) {
        last.current = { code, at: now };
        await submit({ token: code });
      }
      timer = window.setTimeout(tick, 250);
    };
    navigator.mediaDevices?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => { stream = s; if (video.current) { video.current.srcObject = s; void video.current.play(); } tick(); })
      .catch(() => { setCamError(t('activities.scan.noCamera')); setOn(false); });
    return () => { stopped = true; window.clearTimeout(timer); stream?.getTracks().forEach((tr) => tr.stop()); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, activityId]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('activities.scan.hint')}</Typography.Paragraph>
      {camError && <Alert type="warning" showIcon title={camError} />}
      <Button type={on ? 'default' : 'primary'} icon={on ? <StopOutlined /> : <CameraOutlined />} onClick={() => { setCamError(null); setOn(!on); }}>
        {on ? t('activities.scan.stop') : t('activities.scan.start')}
      </Button>
      {on && <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 420, borderRadius: 8, background: '#000' }} />}
      <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
        <Input value={card} onChange={(e) => setCard(e.target.value)} placeholder={t('activities.scan.cardNumber')} aria-label={t('activities.scan.cardNumber')}
          inputMode="numeric" onPressEnter={() => { if (card.trim()) { void submit({ cardNumber: card.trim() }); setCard(''); } }} />
        <Button onClick={() => { if (card.trim()) { void submit({ cardNumber: card.trim() }); setCard(''); } }}>{t('activities.scan.check')}</Button>
      </Space.Compact>
      <List size="small" dataSource={results} locale={{ emptyText: t('activities.scan.none') }}
        renderItem={(r) => <List.Item><Tag color={r.ok ? 'green' : 'red'}>{r.ok ? '✓' : '✗'}</Tag>{r.text}</List.Item>} />
    </Space>
  );
}
