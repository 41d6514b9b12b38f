import { useTranslation } from 'react-i18next';
import { fmtDate } from '../../components/format';
import type { CardView } from './types';
import './members.css';

/** The e-card: phone-sized on screen, credit-card size on paper, with the signed QR code. */
export function MemberCard({ card }: { card: CardView }) {
  const { t } = useTranslation();
  return (
    <div className={`cds-member-card${card.active ? '' : ' cds-card-inactive'}`} role="figure" aria-label={t('members.card')}>
      <div className="cds-card-org">{t('members.cardOrg')}</div>
      <div className="cds-card-title">{t('members.cardTitle')}</div>
      <div className="cds-card-body">
        <div className="cds-card-qr" role="img" aria-label={t('members.qrAlt')} dangerouslySetInnerHTML={{ __html: card.qrSvg }} />
        <div>
          <div className="cds-card-name">{card.fullName}</div>
          <div className="cds-card-unit">{card.unitName}</div>
          <div className="cds-card-number">{card.cardNumber}</div>
          <div className="cds-card-valid">{t('members.validUntil')}: {fmtDate(card.validUntil)}</div>
        </div>
      </div>
    </div>
  );
}

/** Prints only the card (the rest of the page is hidden by members.css while printing). */
export function printCard() {
  document.body.classList.add('cds-printing-card');
  const done = () => { document.body.classList.remove('cds-printing-card'); window.removeEventListener('afterprint', done); };
  window.addEventListener('afterprint', done);
  window.print();
}
