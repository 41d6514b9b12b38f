import { parseVnDate } from '@cds/shared';
import type { CellValue, ImportSpec } from '../../../lib/xlsx-import/index.ts';

const looksLikeDates = (samples: CellValue[]) =>
  samples.length > 0 && samples.filter((v) => parseVnDate(v instanceof Date || typeof v === 'number' ? v : String(v).trim()).ok).length >= samples.length / 2;
const looksLikeTicks = (samples: CellValue[]) => !looksLikeDates(samples);

/**
 * The columns of a member list as unions keep them (the VGCL layout and its many local
 * variants). Header texts are compared without diacritics or case.
 */
export const MEMBER_IMPORT_SPEC: ImportSpec = {
  anchors: ['fullName', 'familyMiddleName'],
  columns: [
    { key: 'seq', label: 'STT', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
    { key: 'fullName', label: 'Họ và tên', headers: ['Họ và tên', 'Họ tên', 'Họ và tên đoàn viên', 'Tên đoàn viên', 'Họ, tên', 'Họ tên đoàn viên'] },
    { key: 'familyMiddleName', label: 'Họ và tên đệm', headers: ['Họ và tên đệm', 'Họ đệm', 'Họ và chữ đệm', 'Họ và đệm', 'Họ'] },
    { key: 'givenName', label: 'Tên', headers: ['Tên'] },
    { key: 'sex', label: 'Giới tính', headers: ['Giới tính', 'Phái', 'Nam/Nữ', 'Nam, nữ', 'GT'] },
    { key: 'sexMale', label: 'Nam (đánh dấu x)', headers: ['Nam', 'Giới tính Nam'], accepts: looksLikeTicks },
    { key: 'sexFemale', label: 'Nữ (đánh dấu x)', headers: ['Nữ', 'Giới tính Nữ'], accepts: looksLikeTicks },
    { key: 'birthDate', label: 'Ngày sinh', headers: ['Ngày sinh', 'Ngày tháng năm sinh', 'Năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'] },
    { key: 'birthDateMale', label: 'Ngày sinh (cột Nam)', headers: ['Ngày sinh Nam', 'Năm sinh Nam', 'Ngày tháng năm sinh Nam', 'Nam'], accepts: looksLikeDates },
    { key: 'birthDateFemale', label: 'Ngày sinh (cột Nữ)', headers: ['Ngày sinh Nữ', 'Năm sinh Nữ', 'Ngày tháng năm sinh Nữ', 'Nữ'], accepts: looksLikeDates },
    { key: 'citizenId', label: 'Số CCCD/CMND', headers: ['Số CCCD', 'CCCD', 'CMND/CCCD', 'CCCD/CMND', 'Số CMND', 'CMND', 'Số định danh', 'Số định danh cá nhân', 'Căn cước công dân', 'Số CMND/CCCD', 'Số CCCD/CMND'] },
    { key: 'ethnicity', label: 'Dân tộc', headers: ['Dân tộc'] },
    { key: 'religion', label: 'Tôn giáo', headers: ['Tôn giáo'] },
    { key: 'education', label: 'Trình độ văn hóa', headers: ['Trình độ văn hóa', 'Văn hóa', 'Trình độ học vấn', 'Học vấn', 'Trình độ phổ thông'] },
    { key: 'qualification', label: 'Chuyên môn, nghề', headers: ['Chuyên môn', 'Trình độ chuyên môn', 'Chuyên môn nghiệp vụ', 'Trình độ CMNV', 'Chuyên môn, nghề', 'Trình độ chuyên môn, nghề'] },
    { key: 'job', label: 'Nghề nghiệp, công việc', headers: ['Nghề nghiệp', 'Công việc', 'Chức vụ', 'Công việc đang làm', 'Vị trí việc làm', 'Chức danh', 'Nghề nghiệp, chức vụ'] },
    { key: 'partyMember', label: 'Đảng viên', headers: ['Đảng viên', 'ĐV', 'Là đảng viên', 'Đảng viên (x)'] },
    { key: 'partyJoinedOn', label: 'Ngày vào Đảng', headers: ['Ngày vào Đảng', 'Ngày kết nạp Đảng'] },
    { key: 'phone', label: 'Số điện thoại', headers: ['Số điện thoại', 'Điện thoại', 'SĐT', 'ĐT', 'Số ĐT', 'Di động'] },
    { key: 'address', label: 'Nơi ở hiện nay', headers: ['Nơi ở hiện nay', 'Địa chỉ', 'Chỗ ở hiện nay', 'Nơi ở', 'Quê quán', 'Địa chỉ thường trú'] },
    { key: 'joinedOn', label: 'Ngày vào Công đoàn', headers: ['Ngày vào Công đoàn', 'Ngày vào CĐ', 'Ngày kết nạp', 'Ngày kết nạp đoàn viên', 'Ngày kết nạp vào Công đoàn', 'Ngày gia nhập Công đoàn', 'Năm vào Công đoàn'] },
    { key: 'cardNumber', label: 'Số thẻ đoàn viên', headers: ['Số thẻ đoàn viên', 'Số thẻ', 'Số thẻ ĐV', 'Mã thẻ'] },
    { key: 'group', label: 'Tổ công đoàn', headers: ['Tổ công đoàn', 'Tổ CĐ', 'Công đoàn bộ phận', 'Tổ', 'Bộ phận'] },
    { key: 'unitName', label: 'Đơn vị (không dùng)', headers: ['Đơn vị', 'Công đoàn cơ sở'] },
  ],
};

/** Fields that carry personal data the law treats as sensitive (masked in previews for roles without member.sensitive). */
export const SENSITIVE_IMPORT_FIELDS = new Set(['citizenId', 'ethnicity', 'religion', 'partyMember', 'partyJoinedOn']);

export const labelOf = (key: string) => MEMBER_IMPORT_SPEC.columns.find((c) => c.key === key)?.label ?? key;
