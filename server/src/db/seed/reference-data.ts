/**
 * Reference data of the demo federation: Bảo Lộc city (Lâm Đồng), its wards and communes before
 * the July 2025 reorganisation, and about sixty grassroots unions across the sectors the city
 * really has (tea, silk, garment, FDI plants in the Lộc Sơn industrial zone, schools, health,
 * wards' administrative bodies). Enterprise names are plausible inventions, not real companies.
 */
export type Ownership = 'state' | 'non_state' | 'fdi';
export type GrassrootsKindRef = 'enterprise' | 'administrative' | 'public_service' | 'occupational' | 'small';
export type SectorRef = 'state' | 'non_state' | 'fdi' | 'administrative' | 'public_service';

export const WARDS = [
  { code: 'P1', name: 'Phường 1' }, { code: 'P2', name: 'Phường 2' }, { code: 'BLAO', name: "Phường B'Lao" },
  { code: 'LPHAT', name: 'Phường Lộc Phát' }, { code: 'LSON', name: 'Phường Lộc Sơn' }, { code: 'LTIEN', name: 'Phường Lộc Tiến' },
  { code: 'LCHAU', name: 'Xã Lộc Châu' }, { code: 'LTHANH', name: 'Xã Lộc Thanh' }, { code: 'LNGA', name: 'Xã Lộc Nga' },
  { code: 'DLAO', name: 'Xã Đại Lào' }, { code: 'DBRI', name: 'Xã Đam Bri' },
] as const;

export const INDUSTRIAL_ZONES = ['Khu công nghiệp Lộc Sơn', 'Cụm công nghiệp Lộc Phát'] as const;

export interface GrassrootsRef {
  code: string;
  name: string;
  kind: GrassrootsKindRef;
  sector: SectorRef;
  ward: string;
  industrialZone?: string;
  enterprise?: { name: string; shortName: string; ownership: Ownership; fdiCountry?: string; businessLine: string; workers: number; femaleWorkers: number };
  memberTarget: number;
}

const ent = (code: string, company: string, shortName: string, ownership: Ownership, businessLine: string, workers: number, femaleShare: number,
  ward: string, memberTarget: number, extra: { industrialZone?: string; fdiCountry?: string } = {}): GrassrootsRef => ({
  code, name: `Công đoàn cơ sở ${company}`, kind: 'enterprise', sector: ownership, ward, industrialZone: extra.industrialZone,
  enterprise: { name: company, shortName, ownership, fdiCountry: extra.fdiCountry, businessLine, workers, femaleWorkers: Math.round(workers * femaleShare) },
  memberTarget,
});
const pub = (code: string, name: string, ward: string, memberTarget: number): GrassrootsRef =>
  ({ code, name: `Công đoàn cơ sở ${name}`, kind: 'public_service', sector: 'public_service', ward, memberTarget });
const adm = (code: string, name: string, ward: string, memberTarget: number): GrassrootsRef =>
  ({ code, name: `Công đoàn cơ sở ${name}`, kind: 'administrative', sector: 'administrative', ward, memberTarget });
const KCN = 'Khu công nghiệp Lộc Sơn';
const CCN = 'Cụm công nghiệp Lộc Phát';

export const GRASSROOTS_UNIONS: GrassrootsRef[] = [
  // FDI plants in the industrial zone and cluster
  ent('CDCS-MAYLS', 'Công ty TNHH May mặc Lộc Sơn Việt Đài', 'May Việt Đài', 'fdi', 'May trang phục', 920, 0.86, 'Phường Lộc Sơn', 860, { industrialZone: KCN, fdiCountry: 'Đài Loan' }),
  ent('CDCS-TOLUA-NB', 'Công ty TNHH Tơ lụa Nhật Bảo', 'Tơ lụa Nhật Bảo', 'fdi', 'Ươm tơ, dệt lụa', 410, 0.74, 'Phường Lộc Sơn', 380, { industrialZone: KCN, fdiCountry: 'Nhật Bản' }),
  ent('CDCS-DETKR', 'Công ty TNHH Dệt Hàn Lâm', 'Dệt Hàn Lâm', 'fdi', 'Dệt vải', 350, 0.7, 'Phường Lộc Sơn', 320, { industrialZone: KCN, fdiCountry: 'Hàn Quốc' }),
  ent('CDCS-GIAYTW', 'Công ty TNHH Giày Phú Lâm', 'Giày Phú Lâm', 'fdi', 'Sản xuất giày dép', 640, 0.78, 'Phường Lộc Sơn', 590, { industrialZone: KCN, fdiCountry: 'Đài Loan' }),
  ent('CDCS-CHEJP', 'Công ty TNHH Trà Xanh Fuji Bảo Lộc', 'Trà Fuji', 'fdi', 'Chế biến trà xanh xuất khẩu', 180, 0.62, 'Phường Lộc Sơn', 165, { industrialZone: KCN, fdiCountry: 'Nhật Bản' }),
  ent('CDCS-GOLS', 'Công ty TNHH Chế biến gỗ Lâm Viên', 'Gỗ Lâm Viên', 'fdi', 'Chế biến gỗ', 210, 0.3, 'Phường Lộc Sơn', 190, { industrialZone: KCN, fdiCountry: 'Singapore' }),
  ent('CDCS-MAYLP', 'Công ty TNHH May xuất khẩu Lộc Phát', 'May Lộc Phát', 'non_state', 'May trang phục', 380, 0.88, 'Phường Lộc Phát', 340, { industrialZone: CCN }),
  ent('CDCS-CAFELP', 'Công ty CP Cà phê Lộc Phát', 'Cà phê Lộc Phát', 'non_state', 'Rang xay cà phê', 95, 0.45, 'Phường Lộc Phát', 80, { industrialZone: CCN }),
  // Tea and silk, the signature of Bảo Lộc
  ent('CDCS-CHELP', 'Công ty TNHH Chè Lộc Phát', 'Chè Lộc Phát', 'non_state', 'Chế biến chè', 160, 0.68, 'Phường Lộc Phát', 140),
  ent('CDCS-TRABL', 'Công ty CP Trà Bảo Lộc', 'Trà Bảo Lộc', 'non_state', 'Chế biến và xuất khẩu chè', 230, 0.64, "Phường B'Lao", 205),
  ent('CDCS-OLONG', 'Công ty TNHH Trà Ô Long Đại Lào', 'Ô Long Đại Lào', 'non_state', 'Trồng và chế biến chè ô long', 120, 0.6, 'Xã Đại Lào', 100),
  ent('CDCS-CHELT', 'Công ty CP Chè Lộc Tiến', 'Chè Lộc Tiến', 'non_state', 'Chế biến chè đen', 85, 0.65, 'Phường Lộc Tiến', 70),
  ent('CDCS-TOTAM', 'Công ty TNHH Tơ tằm Lộc Châu', 'Tơ tằm Lộc Châu', 'non_state', 'Ươm tơ', 140, 0.8, 'Xã Lộc Châu', 120),
  ent('CDCS-LUABL', 'Công ty CP Dệt lụa Bảo Lộc', 'Lụa Bảo Lộc', 'non_state', 'Dệt lụa tơ tằm', 260, 0.76, 'Phường 2', 235),
  ent('CDCS-TOVN', 'Công ty TNHH Tơ Việt Lâm Đồng', 'Tơ Việt', 'non_state', 'Ươm tơ xuất khẩu', 150, 0.78, 'Xã Lộc Thanh', 130),
  ent('CDCS-MAYBL', 'Công ty CP May Bảo Lộc', 'May Bảo Lộc', 'non_state', 'May gia công', 420, 0.9, 'Phường 2', 390),
  ent('CDCS-DUAN', 'Công ty TNHH Chế biến Nông sản Đam Bri', 'Nông sản Đam Bri', 'non_state', 'Chế biến nông sản', 70, 0.55, 'Xã Đam Bri', 55),
  ent('CDCS-XAYLD', 'Công ty CP Xây dựng Lâm Đồng 2', 'Xây dựng LĐ2', 'non_state', 'Xây dựng công trình', 110, 0.12, 'Phường 1', 90),
  ent('CDCS-KSDT', 'Công ty TNHH Khách sạn Ngọc Lan Bảo Lộc', 'KS Ngọc Lan', 'non_state', 'Khách sạn, nhà hàng', 60, 0.58, 'Phường 1', 48),
  ent('CDCS-VTBL', 'Công ty CP Vận tải Bảo Lộc', 'Vận tải Bảo Lộc', 'non_state', 'Vận tải hành khách', 75, 0.1, "Phường B'Lao", 60),
  ent('CDCS-SIEUTHI', 'Công ty TNHH Thương mại Lộc Thành', 'TM Lộc Thành', 'non_state', 'Siêu thị bán lẻ', 55, 0.7, 'Phường 1', 42),
  ent('CDCS-BAUXIT', 'Công ty Nhôm Lâm Đồng – Chi nhánh Bảo Lộc', 'Nhôm Lâm Đồng', 'state', 'Khai thác bô-xít, luyện alumin', 480, 0.18, 'Xã Lộc Thanh', 450),
  // State enterprises
  ent('CDCS-DIENBL', 'Điện lực Bảo Lộc', 'Điện lực Bảo Lộc', 'state', 'Phân phối điện', 140, 0.2, 'Phường 1', 138),
  ent('CDCS-CNBL', 'Công ty TNHH MTV Cấp nước Bảo Lộc', 'Cấp nước Bảo Lộc', 'state', 'Cấp nước sinh hoạt', 90, 0.25, 'Phường 2', 88),
  ent('CDCS-MTDT', 'Công ty TNHH MTV Dịch vụ Đô thị Bảo Lộc', 'Đô thị Bảo Lộc', 'state', 'Vệ sinh môi trường, cây xanh', 150, 0.45, 'Phường Lộc Tiến', 145),
  ent('CDCS-BUUDIEN', 'Bưu điện thành phố Bảo Lộc', 'Bưu điện Bảo Lộc', 'state', 'Bưu chính', 45, 0.55, 'Phường 1', 44),
  ent('CDCS-NGANHANG', 'Ngân hàng Nông nghiệp và PTNT – Chi nhánh Bảo Lộc', 'Agribank Bảo Lộc', 'state', 'Ngân hàng', 65, 0.6, 'Phường 1', 64),
  // Public service: schools and health
  pub('CDCS-BVII', 'Bệnh viện II Lâm Đồng', 'Phường Lộc Sơn', 420),
  pub('CDCS-TTYT', 'Trung tâm Y tế thành phố Bảo Lộc', 'Phường 1', 150),
  pub('CDCS-THPTBL', 'Trường THPT Bảo Lộc', 'Phường 1', 85),
  pub('CDCS-THPTLT', 'Trường THPT Lộc Thanh', 'Xã Lộc Thanh', 62),
  pub('CDCS-THPTNDC', 'Trường THPT Nguyễn Du', "Phường B'Lao", 70),
  pub('CDCS-THCSLS', 'Trường THCS Lộc Sơn', 'Phường Lộc Sơn', 48),
  pub('CDCS-THCSQT', 'Trường THCS Quang Trung', 'Phường 2', 52),
  pub('CDCS-THCSLP', 'Trường THCS Lộc Phát', 'Phường Lộc Phát', 45),
  pub('CDCS-THLC', 'Trường Tiểu học Lộc Châu', 'Xã Lộc Châu', 30),
  pub('CDCS-THDL', 'Trường Tiểu học Đại Lào', 'Xã Đại Lào', 28),
  pub('CDCS-THKD', 'Trường Tiểu học Kim Đồng', 'Phường 1', 40),
  pub('CDCS-MNHM', 'Trường Mầm non Họa Mi', 'Phường 2', 32),
  pub('CDCS-MNLT', 'Trường Mầm non Lộc Tiến', 'Phường Lộc Tiến', 26),
  pub('CDCS-CDSP', 'Trường Cao đẳng Công nghệ và Kinh tế Bảo Lộc', "Phường B'Lao", 95),
  pub('CDCS-TTVH', 'Trung tâm Văn hóa – Thể thao thành phố', 'Phường 1', 22),
  // Administrative bodies
  adm('CDCS-TU', 'Cơ quan Thành ủy Bảo Lộc', 'Phường 1', 60),
  adm('CDCS-UBND', 'Cơ quan UBND thành phố Bảo Lộc', 'Phường 1', 75),
  adm('CDCS-PGD', 'Phòng Giáo dục và Đào tạo', 'Phường 1', 20),
  adm('CDCS-P1', 'Cơ quan UBND Phường 1', 'Phường 1', 24),
  adm('CDCS-P2', 'Cơ quan UBND Phường 2', 'Phường 2', 22),
  adm('CDCS-PBL', "Cơ quan UBND Phường B'Lao", "Phường B'Lao", 21),
  adm('CDCS-PLS', 'Cơ quan UBND Phường Lộc Sơn', 'Phường Lộc Sơn', 23),
  adm('CDCS-PLP', 'Cơ quan UBND Phường Lộc Phát', 'Phường Lộc Phát', 22),
  adm('CDCS-PLT', 'Cơ quan UBND Phường Lộc Tiến', 'Phường Lộc Tiến', 20),
  adm('CDCS-XLC', 'Cơ quan UBND Xã Lộc Châu', 'Xã Lộc Châu', 18),
  adm('CDCS-XDL', 'Cơ quan UBND Xã Đại Lào', 'Xã Đại Lào', 17),
  adm('CDCS-CA', 'Công an thành phố Bảo Lộc (công nhân viên)', 'Phường 1', 25),
  adm('CDCS-KHO', 'Chi cục Thuế khu vực Bảo Lộc – Bảo Lâm', 'Phường 1', 38),
  // Occupational unions and grassroots unions under 15 members
  { code: 'NDCS-XEOM', name: 'Nghiệp đoàn cơ sở Xe ôm công nghệ Bảo Lộc', kind: 'occupational', sector: 'non_state', ward: 'Phường 1', memberTarget: 45 },
  { code: 'NDCS-CHE', name: 'Nghiệp đoàn cơ sở Nghề chè Lộc Châu', kind: 'occupational', sector: 'non_state', ward: 'Xã Lộc Châu', memberTarget: 38 },
  { ...ent('CDCS-NH-TL', 'Nhà hàng Tâm Long', 'NH Tâm Long', 'non_state', 'Nhà hàng', 14, 0.6, 'Phường 2', 12), kind: 'small' },
  { ...ent('CDCS-HTX-LN', 'Hợp tác xã Dâu tằm Lộc Nga', 'HTX Lộc Nga', 'non_state', 'Trồng dâu nuôi tằm', 13, 0.5, 'Xã Lộc Nga', 11), kind: 'small' },
  { ...ent('CDCS-DNTN-HP', 'Doanh nghiệp tư nhân Cơ khí Hòa Phát Bảo Lộc', 'Cơ khí Hòa Phát', 'non_state', 'Cơ khí sửa chữa', 12, 0.1, 'Phường Lộc Tiến', 10), kind: 'small' },
];

/** Union groups a grassroots union of each kind typically has, in order. */
export const UNION_GROUP_NAMES: Record<GrassrootsKindRef, string[]> = {
  enterprise: ['Tổ công đoàn Văn phòng', 'Tổ công đoàn Phân xưởng sản xuất 1', 'Tổ công đoàn Phân xưởng sản xuất 2', 'Tổ công đoàn Kho vận', 'Tổ công đoàn Kỹ thuật – Cơ điện'],
  public_service: ['Tổ công đoàn Văn phòng', 'Tổ công đoàn Chuyên môn 1', 'Tổ công đoàn Chuyên môn 2', 'Tổ công đoàn Hành chính – Phục vụ', 'Tổ công đoàn Khoa Nội'],
  administrative: ['Tổ công đoàn Văn phòng', 'Tổ công đoàn Chuyên môn', 'Tổ công đoàn Bộ phận một cửa'],
  occupational: ['Tổ nghiệp đoàn số 1', 'Tổ nghiệp đoàn số 2'],
  small: [],
};

export interface DemoUser {
  username: string;
  fullName: string;
  role: 'admin' | 'federation_officer' | 'grassroots_officer' | 'inspector' | 'observer' | 'member';
  unitCode: string;
  email?: string;
  phone?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unitCode: 'TLD' },
  { username: 'ldld.baoloc', fullName: 'Nguyễn Thị Thanh Hương', role: 'federation_officer', unitCode: 'LDLD-BL', email: 'ldld.baoloc@congdoan.vn', phone: '0913456721' },
  { username: 'cdcs.maymac', fullName: 'Trần Văn Phúc', role: 'grassroots_officer', unitCode: 'CDCS-MAYLS', phone: '0988123456' },
  { username: 'ubkt.baoloc', fullName: 'Lê Minh Tuấn', role: 'inspector', unitCode: 'LDLD-BL' },
  { username: 'bandanvan', fullName: 'Phạm Quốc Khánh', role: 'observer', unitCode: 'LDLD-BL' },
  { username: '0912345678', fullName: 'Ka Hiền', role: 'member', unitCode: 'CDCS-MAYLS', phone: '0912345678' },
];
