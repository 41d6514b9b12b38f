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
    'POST /api/member-imports/preview': { body: { uploadId: 1, unitId: ids.z, mapping: { fullName: 1 }, mode: 'valid_only' } },
    'POST /api/member-imports': { body: { uploadId: 1, unitId: ids.z, mapping: { fullName: 1 }, mode: 'valid_only' } },
    'GET /api/jobs/:id': { params: { id: ids.zJob } },
    'GET /api/jobs/:id/result': { params: { id: ids.zJob } },
    'POST /api/reports/exempt': { body: { unitId: ids.z, kind: 'year', year: 2025, comment: 'Miễn trái phép' } },
    ...activitySamples(ids),
  };
}

/** The activities module's routes (activities, attendance, meetings, documents, agreements, disputes, legal cases). */
function activitySamples(ids: FixtureIds): Record<string, Sample> {
  const A = ids.activities;
  return {
    'POST /api/activity-kinds': { body: { unitId: ids.otherCity, name: 'Loại hoạt động trái phép', category: 'other' } },
    'PATCH /api/activity-kinds/:id': { params: { id: A.zKind }, body: { name: 'Sửa loại trái phép', version: 1 } },
    'GET /api/activities/calendar': { query: { from: '2025-01-01', to: '2025-12-31' } },
    'GET /api/activities/overview': { query: { year: 2025 } },
    'GET /api/activities/indicators': { query: { from: '2025-01-01', to: '2025-12-31' } },
    'GET /api/activities/due': { query: { year: 2025, category: 'dialogue' } },
    'GET /api/activities/:id': { params: { id: A.zActivity } },
    'POST /api/activities': { body: { unitId: ids.z, kindId: A.studyKind, title: 'Hoạt động rò rỉ', startsOn: '2025-01-10', status: 'held' } },
    'PATCH /api/activities/:id': { params: { id: A.zActivity }, body: { version: 1, title: 'Sửa trái phép hoạt động' } },
    'POST /api/activities/:id/cancel': { params: { id: A.zActivity }, body: { reason: 'Hủy trái phép', version: 1 } },
    'GET /api/activities/:id/attendance': { params: { id: A.zActivity } },
    'GET /api/activities/:id/attendance/candidates': { params: { id: A.zActivity } },
    'POST /api/activities/:id/attendance': { params: { id: A.zActivity }, body: { memberIds: [ids.outsideMember] } },
    'POST /api/activities/:id/attendance/remove': { params: { id: A.zActivity }, body: { memberIds: [ids.outsideMember], reason: 'Bỏ trái phép' } },
    'POST /api/activities/:id/attendance/import': { params: { id: A.zActivity } },
    'POST /api/activities/:id/attendance/scan': { params: { id: A.zActivity }, body: { cardNumber: 'CARD4444' } },
    'GET /api/activities/:id/meeting': { params: { id: A.zMeeting } },
    'PUT /api/activities/:id/meeting': { params: { id: A.zMeeting }, body: { periodYear: 2025, version: 1 } },
    'POST /api/activities/:id/followups': { params: { id: A.zMeeting }, body: { content: 'Việc trái phép', owner: 'Ai đó', dueOn: '2025-12-31' } },
    'PATCH /api/meeting-followups/:id': { params: { id: A.zFollowup }, body: { status: 'done', doneOn: '2025-10-01', version: 1 } },
    'GET /api/documents': { query: { ownerType: 'activity', ownerId: A.zActivity } },
    'POST /api/documents': { query: { ownerType: 'activity', ownerId: A.zActivity } },
    'GET /api/documents/:id/file': { params: { id: A.zDocument } },
    'POST /api/documents/:id/remove': { params: { id: A.zDocument }, body: { reason: 'Gỡ trái phép' } },
    'GET /api/agreements/:id': { params: { id: A.zAgreement } },
    'GET /api/agreements/compare': { query: { topic: 'meals' } },
    'POST /api/agreements': { body: { unitId: ids.z, level: 'enterprise', enterpriseId: A.enterpriseZ, title: 'Thỏa ước rò rỉ ra ngoài', signedOn: '2025-01-01', expiresOn: '2026-01-01', employerParty: 'Giám đốc', unionParty: 'Chủ tịch' } },
    'PATCH /api/agreements/:id': { params: { id: A.zAgreement }, body: { version: 1, title: 'Sửa thỏa ước trái phép' } },
    'POST /api/agreements/:id/end': { params: { id: A.zAgreement }, body: { endedOn: '2025-06-01', reason: 'Chấm dứt trái phép', version: 1 } },
    'GET /api/disputes/:id': { params: { id: A.zDispute } },
    'GET /api/disputes/monthly': { query: { year: 2025 } },
    'POST /api/disputes': { body: { enterpriseId: A.enterpriseZ, kind: 'strike', startedOn: '2025-01-05' } },
    'PATCH /api/disputes/:id': { params: { id: A.zDispute }, body: { version: 1, outcome: 'demands_met' } },
    'GET /api/legal-cases/:id': { params: { id: A.zLegalCase } },
    'POST /api/legal-cases': { body: { unitId: ids.z, kind: 'advice', channel: 'phone', topic: 'wage', openedOn: '2025-01-05', requesterName: 'Người rò rỉ' } },
    'PATCH /api/legal-cases/:id': { params: { id: A.zLegalCase }, body: { version: 1, status: 'closed', closedOn: '2025-02-01' } },
  };
}

/** Path parameter names, when a route has no sample, mapped to an outside id by what they name. */
export function guessOutside(param: string, ids: FixtureIds, outside: Record<string, number>): number | string {
  if (outside[param] !== undefined) return outside[param];
  if (/unit/i.test(param) || param === 'id') return ids.z;
  if (param === 'token') return 'khong-hop-le';
  throw new Error(`Không biết id ngoài phạm vi cho tham số "${param}": thêm vào authz-samples.ts`);
}
