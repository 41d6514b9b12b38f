import type { FixtureIds } from './fixture.ts';

/**
 * For the all-routes authorization test: what an out-of-scope request to each route looks like.
 * `params` fills path parameters with ids of records that live in Đà Lạt (outside every Bảo Lộc
 * role); `body` is a request that would be valid if it were in scope, so a 400 cannot hide a
 * missing scope check. A route with no entry is still called, with outside ids guessed by name.
 * Add your module's routes here when you add them.
 */
export type Sample = { params?: Record<string, number | string>; query?: Record<string, string | number>; body?: unknown };

export function authzSamples(ids: FixtureIds, outside: Record<string, number>): Record<string, Sample> {
  return {
    'POST /api/units': { body: { parentId: ids.otherCity, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'fdi', code: 'CDCS-LEAK', name: 'Công đoàn cơ sở Rò rỉ' } },
    'PATCH /api/units/:id': { params: { id: ids.z }, body: { version: 1, name: 'Tên đã bị sửa trái phép' } },
    'POST /api/units/:id/move': { params: { id: ids.z }, body: { parentId: ids.city, version: 1 } },
    'POST /api/units/:id/dissolve': { params: { id: ids.z1 }, body: { onDate: '2026-01-01', reason: 'Giải thể trái phép', version: 1 } },
    'POST /api/units/:id/merge': { params: { id: ids.z }, body: { intoId: ids.a, onDate: '2026-01-01', version: 1 } },
    'POST /api/users': { body: { username: 'leak.user', fullName: 'Người Rò Rỉ', role: 'grassroots_officer', unitId: ids.z } },
    'POST /api/users/:id/grants': { params: { id: ids.users.groz }, body: { role: 'grassroots_officer', unitId: ids.a } },
    'POST /api/users/:id/grants/:grantId/revoke': { params: { id: ids.users.groz, grantId: outside.grant } },
    'POST /api/users/:id/reset-password': { params: { id: ids.users.groz } },
    'POST /api/users/:id/active': { params: { id: ids.users.groz }, body: { active: false } },
    'GET /api/members/:id': { params: { id: ids.outsideMember } },
    'GET /api/members/:id/card': { params: { id: ids.outsideMember } },
    'POST /api/members': { body: { unitId: ids.z, fullName: 'Người Rò Rỉ', sex: 'male', joinedOn: '2024-01-01' } },
    'PATCH /api/members/:id': { params: { id: ids.outsideMember }, body: { version: 1, job: 'Sửa trái phép' } },
    'POST /api/members/:id/transfer': { params: { id: ids.outsideMember }, body: { toUnitId: ids.a, onDate: '2025-01-01', version: 1 } },
    'POST /api/members/:id/leave': { params: { id: ids.outsideMember }, body: { kind: 'leave', onDate: '2025-01-01', reason: 'Rò rỉ', version: 1 } },
    'POST /api/members/:id/card': { params: { id: ids.outsideMember } },
    'POST /api/members/:id/party-recommendations': { params: { id: ids.outsideMember }, body: { recommendedOn: '2025-01-01' } },
    'PUT /api/member-assessments': { body: { unitId: ids.z, year: 2025, ratings: [{ memberId: ids.outsideMember, rating: 'good' }] } },
    'GET /api/members/:id/history': { params: { id: ids.outsideMember } },
    'GET /api/member-assessments': { query: { year: 2025 } },
    'GET /api/member-assessments/summary': { query: { year: 2025 } },
    'GET /api/party-recommendations': { query: { year: 2025 } },
    'PATCH /api/party-recommendations/:id': { params: { id: ids.zRecommendation }, body: { outcome: 'admitted', admittedOn: '2025-09-02', version: 1 } },
    'GET /api/member-transfers/:id': { params: { id: ids.zTransfer } },
    'POST /api/member-transfers/:id/accept': { params: { id: ids.zTransfer }, body: { version: 1 } },
    'POST /api/member-transfers/:id/reject': { params: { id: ids.zTransfer }, body: { answer: 'Không tiếp nhận trái phép', version: 1 } },
    'POST /api/member-transfers/:id/cancel': { params: { id: ids.zTransfer }, body: { version: 1 } },
    'POST /api/programmes': { body: { unitId: ids.otherCity, issuer: 'Thành ủy Đà Lạt', title: 'Chương trình rò rỉ ra ngoài', yearFrom: 2025, yearTo: 2025 } },
    'POST /api/programme/manual-values': { body: { indicatorKey: 'manual.leak', unitId: ids.z, year: 2025, numerator: 1 } },
    'POST /api/reports': { body: { unitId: ids.z, kind: 'year', year: 2025 } },
    'GET /api/programmes/:id': { params: { id: ids.zProgramme } },
    'PUT /api/programmes/:id': { params: { id: ids.zProgramme }, body: { unitId: ids.otherCity, issuer: 'Thành ủy', title: 'Sửa trái phép chương trình', yearFrom: 2021, yearTo: 2026, version: 1 } },
    'POST /api/programmes/:id/targets': { params: { id: ids.zProgramme }, body: { code: 'T9', title: 'Chỉ tiêu trái phép', indicatorKey: 'grassroots_founded', comparison: 'gte', thresholds: [{ sectors: null, value: 1 }] } },
    'PATCH /api/targets/:id': { params: { id: ids.zTarget }, body: { version: 1, title: 'Sửa chỉ tiêu trái phép' } },
    'GET /api/targets/:id/shares': { params: { id: ids.zTarget }, query: { year: 2025 } },
    'PUT /api/targets/:id/shares': { params: { id: ids.zTarget }, body: { year: 2025, shares: [] } },
    'GET /api/reports/:id': { params: { id: ids.zReport } },
    'GET /api/reports/:id/events': { params: { id: ids.zReport } },
    'PATCH /api/reports/:id': { params: { id: ids.zReport }, body: { rowVersion: 1, narrative: [] } },
    'POST /api/reports/:id/submit': { params: { id: ids.zReport }, body: { rowVersion: 1 } },
    'POST /api/reports/:id/accept': { params: { id: ids.zReport }, body: { rowVersion: 1 } },
    'POST /api/reports/:id/return': { params: { id: ids.zReport }, body: { rowVersion: 1, comment: 'Trả lại trái phép' } },
    'POST /api/reports/:id/revise': { params: { id: ids.zReport }, body: { rowVersion: 1 } },
    'GET /api/programme/dashboard': { query: { year: 2025 } },
    'GET /api/programme/dashboard/units': { query: { year: 2025, targetId: ids.zTarget } },
    'GET /api/programme/dashboard/progress': { query: { year: 2025, targetId: ids.zTarget } },
    'GET /api/programme/dashboard/compare': { query: { year: 2025 } },
    'GET /api/programme/dashboard/records': { query: { year: 2025, targetId: ids.zTarget } },
    'GET /api/reports/board': { query: { kind: 'year', year: 2025 } },
    'GET /api/jobs/:id': { params: { id: ids.zJob } },
    'GET /api/jobs/:id/result': { params: { id: ids.zJob } },
    'POST /api/reports/exempt': { body: { unitId: ids.z, kind: 'year', year: 2025, comment: 'Miễn trái phép' } },
  };
}

/** Path parameter names, when a route has no sample, mapped to an outside id by what they name. */
export function guessOutside(param: string, ids: FixtureIds, outside: Record<string, number>): number | string {
  if (outside[param] !== undefined) return outside[param];
  if (/unit/i.test(param) || param === 'id') return ids.z;
  if (param === 'token') return 'khong-hop-le';
  throw new Error(`Không biết id ngoài phạm vi cho tham số "${param}": thêm vào authz-samples.ts`);
}
