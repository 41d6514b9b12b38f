import { fold } from '@cds/shared';
import { cellText, isBlank, type CellValue } from './cells.ts';

/** Why a row is not data. Such rows are reported as skipped, never as errors. */
export type SkipKind = 'blank' | 'total' | 'signature' | 'heading' | 'numbering';

export const SKIP_MESSAGES: Record<SkipKind, string> = {
  blank: 'Dòng trống',
  total: 'Dòng tổng cộng',
  signature: 'Phần ký tên cuối danh sách',
  heading: 'Dòng tiêu đề nhóm, không phải dữ liệu',
  numbering: 'Dòng đánh số cột',
};

const TOTAL = /^(tong cong|tong so|tong|cong|total)\b/;
const SIGNATURE = /(nguoi lap bieu|nguoi lap|lap bieu|chu tich|pho chu tich|thu truong|ky ten|ky ghi ro ho ten|ky va ghi ro|xac nhan cua|truong ban|ke toan|giam doc|tm ban chap hanh|t m ban chap hanh|tm bch|^[^,]{2,40}, ngay .{0,6} thang .{0,6} nam)/;

/**
 * Tells data rows from the rows officers put around and inside their tables: blank separators,
 * "Tổng cộng" lines, the signature block at the bottom ("Người lập biểu", "CHỦ TỊCH", names
 * under them), and one-cell headings. Keeps state: once the signature block starts, short rows
 * after it belong to it.
 */
export class RowClassifier {
  private inFooter = false;

  classify(cells: CellValue[]): SkipKind | null {
    const filled: string[] = [];
    for (const c of cells) if (!isBlank(c)) filled.push(cellText(c));
    if (filled.length === 0) return 'blank';
    if (filled.length <= 4) {
      const folded = filled.slice(0, 3).map((t) => fold(t).replace(/[^a-z0-9 ,]+/g, ' ').replace(/\s+/g, ' ').trim());
      if (folded.some((t) => SIGNATURE.test(t))) {
        this.inFooter = true;
        return 'signature';
      }
      if (folded.slice(0, 2).some((t) => TOTAL.test(t))) return 'total';
      if (this.inFooter) return 'signature';
      if (filled.length === 1 && typeof cells.find((c) => !isBlank(c)) === 'string' && /^([ivx]+|[a-z]|\d+)[.)]\s/i.test(filled[0])) return 'heading';
    }
    return null;
  }
}
