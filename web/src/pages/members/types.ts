/** What the member API returns, as the pages use it. */
export interface MemberRow {
  id: number; unitId: number; unitPath: string; unitName: string; groupId: number | null; groupName: string | null; fullName: string;
  sex: 'male' | 'female' | null; birthDate: string | null; birthPrecision: string | null; citizenId: string | null; ethnicity: string | null;
  religion: string | null; partyMember: boolean | null; partyJoinedOn: string | null; education: string | null; qualification: string | null;
  vocationalLevel: string | null; job: string | null; phone: string | null; address: string | null; joinedOn: string | null;
  cardNumber: string | null; cardIssuedOn: string | null; cardValidUntil: string | null; status: string; leftOn: string | null;
  leftReason: string | null; version: number; sensitiveVisible: boolean;
}

export interface MemberEvent {
  id: number; kind: string; onDate: string; decisionNo: string | null; reason: string | null; cardNumber: string | null;
  unitId: number; unitName: string; otherUnitName: string | null;
}

export interface Recommendation {
  id: number; recommendedOn: string; decisionNo: string | null; partyBody: string | null; outcome: string; admittedOn: string | null;
  note: string | null; outcomeNote: string | null; version: number; unitName: string;
}

export interface MemberDetail extends MemberRow {
  events: MemberEvent[];
  assessments: { year: number; rating: string; note: string | null; unitName: string }[];
  recommendations: Recommendation[] | null;
  pendingTransfer: { id: number; toUnitId: number; toUnitName: string; requestedOn: string; decisionNo: string | null; version: number } | null;
}

export interface CardView {
  fullName: string; unitName: string; cardNumber: string; issuedOn: string; validUntil: string; active: boolean;
  token: string; verifyUrl: string; qr: string; qrSvg: string;
}

export interface ListResult { rows: MemberRow[]; total: number | null; totalCapped: boolean; nextCursor: string | null }
