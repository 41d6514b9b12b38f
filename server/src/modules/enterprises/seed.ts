import type { Faker } from '@faker-js/faker';
import { taxCodeCheckDigit } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import type { SeedContext } from '../../db/seed/index.ts';
import { GRASSROOTS_UNIONS, INDUSTRIAL_ZONES, WARDS } from '../../db/seed/reference-data.ts';

/** Lâm Đồng's tax codes start with 58; the rest is random, the tenth digit the checksum. */
function taxCode(faker: Faker, taken: Set<string>): string {
  for (;;) {
    const first9 = '58' + faker.string.numeric(7);
    const check = taxCodeCheckDigit(first9);
    const code = `${first9}${check}`;
    if (check !== null && !taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

// Employers without a union: the survey's raw material. Most are small; some have 15+ workers.
const FORMS = ['Công ty TNHH', 'Công ty TNHH', 'Công ty CP', 'Doanh nghiệp tư nhân', 'Công ty TNHH MTV'];
const TRADES: [string, string][] = [
  ['Chè', 'Chế biến chè'], ['Trà', 'Kinh doanh trà'], ['Cà phê', 'Rang xay cà phê'], ['Sầu riêng', 'Thu mua, sơ chế nông sản'],
  ['Dâu tằm', 'Trồng dâu nuôi tằm'], ['Tơ lụa', 'Ươm tơ'], ['Xây dựng', 'Xây dựng dân dụng'], ['Vận tải', 'Vận tải hàng hóa'],
  ['Nhà hàng', 'Nhà hàng, ăn uống'], ['Khách sạn', 'Lưu trú du lịch'], ['Thương mại', 'Bán buôn, bán lẻ'], ['Cơ khí', 'Sửa chữa cơ khí'],
  ['Gỗ', 'Chế biến gỗ, nội thất'], ['May', 'May gia công'], ['Bê tông', 'Sản xuất vật liệu xây dựng'], ['Điện nước', 'Lắp đặt điện nước'],
];
const PLACES = ['Bảo Lộc', 'Lộc Phát', 'Lộc Sơn', "B'Lao", 'Đại Lào', 'Lộc Châu', 'Lộc Thanh', 'Đam Bri', 'Lộc Tiến', 'Lộc Nga', 'Minh Phát', 'Hoàng Gia', 'Tân Tiến', 'Phú Quý', 'Đại Phát', 'Thành Công', 'Hưng Thịnh', 'An Khang'];

/** One enterprise per enterprise union of the demo, and about ninety employers without a union. */
export async function seedEnterprises(db: Db, ctx: SeedContext): Promise<void> {
  const { faker } = ctx;
  const taken = new Set<string>();
  const zones = new Map((await db.selectFrom('org_unit').select(['id', 'industrial_zone']).where('kind', '=', 'industrial_zone_union').execute())
    .map((z) => [z.industrial_zone!, z.id]));
  const rows: Record<string, unknown>[] = [];
  for (const g of ctx.grassroots) {
    const ref = GRASSROOTS_UNIONS.find((u) => u.code === g.code)?.enterprise;
    if (!ref) continue;
    const unit = GRASSROOTS_UNIONS.find((u) => u.code === g.code)!;
    rows.push({
      managing_unit_id: unit.industrialZone ? zones.get(unit.industrialZone) ?? ctx.city : ctx.city, union_id: g.id,
      tax_code: taxCode(faker, taken), name: ref.name, short_name: ref.shortName, ownership: ref.ownership, fdi_country: ref.fdiCountry ?? null,
      business_line: ref.businessLine, ward: unit.ward, industrial_zone: unit.industrialZone ?? null,
      address: `${faker.number.int({ min: 1, max: 250 })} ${faker.helpers.arrayElement(['Trần Phú', 'Lý Thường Kiệt', 'Nguyễn Văn Cừ', 'Hà Giang', 'Quốc lộ 20'])}, ${unit.ward}, TP. Bảo Lộc`,
      legal_representative: `${faker.helpers.arrayElement(['Nguyễn', 'Trần', 'Lê', 'Phạm'])} ${faker.helpers.arrayElement(['Văn', 'Thị', 'Minh', 'Quốc'])} ${faker.helpers.arrayElement(['Hòa', 'Tâm', 'Lộc', 'Phát', 'Trung'])}`,
      founded_on: faker.date.between({ from: '1995-01-01', to: '2019-12-31' }).toISOString().slice(0, 10),
      workers: ref.workers, female_workers: ref.femaleWorkers, insured_workers: Math.round(ref.workers * faker.number.float({ min: 0.82, max: 1 })),
      ethnic_minority_workers: Math.round(ref.workers * faker.number.float({ min: 0, max: 0.12 })),
    });
  }
  for (let i = 0; i < 90; i++) {
    const [trade, line] = faker.helpers.arrayElement(TRADES);
    const form = faker.helpers.arrayElement(FORMS);
    const ward = faker.helpers.arrayElement(WARDS).name;
    const zone = faker.number.float() < 0.15 ? faker.helpers.arrayElement(INDUSTRIAL_ZONES) : null;
    const size = faker.number.float();
    const workers = size < 0.55 ? faker.number.int({ min: 1, max: 4 }) : size < 0.8 ? faker.number.int({ min: 5, max: 14 }) : faker.number.int({ min: 15, max: 85 });
    const ownership = zone && faker.number.float() < 0.5 ? 'fdi' : 'non_state';
    const status = faker.number.float() < 0.06 ? 'dissolved' : faker.number.float() < 0.05 ? 'suspended' : 'active';
    rows.push({
      managing_unit_id: zone ? zones.get(zone) ?? ctx.city : ctx.city, union_id: null, tax_code: taxCode(faker, taken),
      name: `${form} ${trade} ${faker.helpers.arrayElement(PLACES)}${i >= PLACES.length ? ` ${i}` : ''}`,
      short_name: null, ownership, fdi_country: ownership === 'fdi' ? faker.helpers.arrayElement(['Hàn Quốc', 'Đài Loan', 'Nhật Bản', 'Trung Quốc']) : null,
      business_line: line, ward, industrial_zone: zone,
      address: `${faker.number.int({ min: 1, max: 400 })} ${faker.helpers.arrayElement(['Trần Phú', 'Phan Đình Phùng', 'Nguyễn Công Trứ', 'Lam Sơn', 'Quốc lộ 55'])}, ${ward}, TP. Bảo Lộc`,
      legal_representative: `${faker.helpers.arrayElement(['Nguyễn', 'Trần', 'Lê', 'Võ', 'Đặng'])} ${faker.helpers.arrayElement(['Văn', 'Thị', 'Hữu', 'Ngọc'])} ${faker.helpers.arrayElement(['Bình', 'Hạnh', 'Lâm', 'Sang', 'Vy'])}`,
      phone: `0263${faker.string.numeric(7)}`,
      founded_on: faker.date.between({ from: '2008-01-01', to: '2026-06-30' }).toISOString().slice(0, 10),
      status, status_on: status === 'active' ? null : faker.date.between({ from: '2024-01-01', to: '2026-10-31' }).toISOString().slice(0, 10),
      workers, female_workers: Math.round(workers * faker.number.float({ min: 0.2, max: 0.8 })),
      insured_workers: Math.round(workers * faker.number.float({ min: 0.3, max: 1 })), ethnic_minority_workers: Math.round(workers * faker.number.float({ min: 0, max: 0.15 })),
    });
  }
  const inserted = await db.insertInto('enterprise').values(rows.map((r) => ({ ...r, headcount_on: '2025-12-31' })) as never)
    .returning(['id', 'workers', 'female_workers', 'insured_workers', 'ethnic_minority_workers']).execute();
  // Two readings each: the tax department's list of mid-2025 and the social-insurance list at the year's end.
  await db.insertInto('enterprise_headcount').values(inserted.flatMap((e) => [
    { province_id: ctx.province, enterprise_id: e.id, on_date: '2025-06-30', source: 'tax' as const, workers: Math.max(0, (e.workers ?? 0) - faker.number.int({ min: 0, max: 6 })) },
    { province_id: ctx.province, enterprise_id: e.id, on_date: '2025-12-31', source: 'bhxh' as const, workers: e.workers, female_workers: e.female_workers, insured_workers: e.insured_workers, ethnic_minority_workers: e.ethnic_minority_workers },
  ])).execute();
}
