import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../test/docx.ts';
import { numberLine, officialDocx, placeAndDate, recipientLines, vnDateWords, type OfficialDocumentInput } from './official.ts';

const report: OfficialDocumentInput = {
  upperBody: 'LĐLĐ tỉnh Lâm Đồng',
  issuingBody: 'Liên đoàn Lao động thành phố Bảo Lộc',
  number: '12/BC-LĐLĐ',
  place: 'Bảo Lộc',
  date: '2026-07-05',
  docType: 'Báo cáo',
  title: 'Kết quả thực hiện Chương trình hành động 6 tháng đầu năm 2026',
  body: [
    { kind: 'heading', text: 'I. Kết quả thực hiện các chỉ tiêu' },
    { kind: 'paragraph', text: 'Đoạn thứ nhất.\nĐoạn thứ hai & ba <b>.' },
    { kind: 'table', columns: [{ title: 'TT', width: 1, align: 'center' }, { title: 'Chỉ tiêu', width: 6 }, { title: 'Kết quả', width: 2, align: 'right' }],
      rows: [[1, 'Tỷ lệ đoàn viên học tập nghị quyết', '72,5%'], { cells: [{ text: 'Cộng', colSpan: 2 }, '—'], bold: true }], numbering: true },
    { kind: 'list', items: ['Tổ chức 12 buổi đối thoại'] },
  ],
  recipients: ['Thường trực Thành ủy;', 'Liên đoàn Lao động tỉnh Lâm Đồng'],
  archive: 'Lưu: VT, ToC.',
  signature: { authority: 'TM. Ban Thường vụ', position: 'Chủ tịch', name: 'Nguyễn Thị Hồng Nhung' },
};

describe('official documents in the NĐ30/2020 format', () => {
  it('writes dates with two-digit days and the months January and February', () => {
    expect(vnDateWords('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(vnDateWords('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(vnDateWords('2026-11-09')).toBe('ngày 09 tháng 11 năm 2026');
    expect(vnDateWords('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(placeAndDate('Bảo Lộc', '2026-07-05')).toBe('Bảo Lộc, ngày 05 tháng 7 năm 2026');
    expect(placeAndDate('Bảo Lộc', null)).toMatch(/^Bảo Lộc, ngày\s+tháng\s+năm/);
  });

  it('prints the number, or leaves it blank before the symbol while the document is not yet numbered', () => {
    expect(numberLine('12/BC-LĐLĐ')).toBe('Số: 12/BC-LĐLĐ');
    expect(numberLine(null, 'BC-LĐLĐ')).toMatch(/^Số:\s+\/BC-LĐLĐ$/);
  });

  it('ends each recipient with a semicolon and the archive line with a full stop', () => {
    expect(recipientLines(['Thường trực Thành ủy;', 'LĐLĐ tỉnh,'])).toEqual(['- Thường trực Thành ủy;', '- LĐLĐ tỉnh;', '- Lưu: VT.']);
  });

  it('lays out the header block, title, body, table, recipients and signature in reading order', async () => {
    const { paragraphs, text } = await readDocx(await officialDocx(report));
    const order = [
      'LĐLĐ TỈNH LÂM ĐỒNG', 'LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ BẢO LỘC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/BC-LĐLĐ', 'Bảo Lộc, ngày 05 tháng 7 năm 2026', 'BÁO CÁO', 'Kết quả thực hiện Chương trình hành động 6 tháng đầu năm 2026',
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', 'Đoạn thứ nhất.', 'Đoạn thứ hai & ba <b>.', 'TT', '(1)', 'Tỷ lệ đoàn viên học tập nghị quyết', '72,5%', 'Cộng',
      '- Tổ chức 12 buổi đối thoại', 'Nơi nhận:', '- Thường trực Thành ủy;', '- Liên đoàn Lao động tỉnh Lâm Đồng;', '- Lưu: VT, ToC.',
      'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', '(Ký, ghi rõ họ tên)', 'Nguyễn Thị Hồng Nhung',
    ];
    let at = -1;
    for (const s of order) {
      const i = paragraphs.findIndex((p, j) => j > at && p === s);
      expect(i, `"${s}" after paragraph ${at}:\n${text}`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('uses Times New Roman 13, A4 with the decree margins, the motto underlined, page numbers from page 2', async () => {
    const { xml, headers } = await readDocx(await officialDocx(report));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 20 mm = 1134 twips, 30 mm = 1701, 15 mm = 850 (±1 for rounding).
    expect(xml).toMatch(/<w:pgMar w:top="113[34]" w:right="85[01]" w:bottom="113[34]" w:left="170[01]"/);
    expect(xml).toMatch(/<w:titlePg\/>/);
    const motto = xml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?Độc lập - Tự do - Hạnh phúc<\/w:t>/)![0];
    expect(motto).toMatch(/<w:u w:val="single"\/>/);
    expect(motto).toMatch(/<w:b\/>/);
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)[^"]+"/);
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
  });

  it('a letter (công văn) carries its "V/v" subject under the number and the addressees', async () => {
    const { paragraphs } = await readDocx(await officialDocx({
      ...report, docType: null, number: null, symbol: 'LĐLĐ', title: 'V/v đôn đốc nộp kinh phí công đoàn', date: null,
      addressees: ['Công ty TNHH Chè Tâm Châu', 'Công ty CP May Lộc Sơn'],
      body: [{ kind: 'paragraph', text: 'Liên đoàn Lao động thành phố đề nghị…' }], signature: { position: 'Chủ tịch', name: 'Nguyễn Thị Hồng Nhung', hint: null },
    }));
    const numberAt = paragraphs.findIndex((p) => /^Số:\s+\/LĐLĐ$/.test(p));
    expect(numberAt).toBeGreaterThan(-1);
    expect(paragraphs[numberAt + 1]).toBe('V/v đôn đốc nộp kinh phí công đoàn');
    expect(paragraphs).toContain('Kính gửi:');
    expect(paragraphs).toContain('- Công ty TNHH Chè Tâm Châu;');
    expect(paragraphs).toContain('- Công ty CP May Lộc Sơn.');
    expect(paragraphs).not.toContain('(Ký, ghi rõ họ tên)');
    expect(paragraphs).not.toContain('BÁO CÁO');
  });
});
