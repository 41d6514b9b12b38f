import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';

export interface Kind { id: number; code: string; name: string; category: string; recordForm: 'dialogue' | 'conference' | null; unitId: number | null; active: boolean; version: number }
export interface Activity {
  id: number; unitId: number; unitName: string; unitPath: string; kindId: number; kindName: string; category: string; recordForm: string | null;
  title: string; startsOn: string; endsOn: string; status: 'planned' | 'held' | 'cancelled'; organiser: string | null; place: string | null;
  coOrganisers: { kind: string; name: string }[]; enterpriseId: number | null; enterpriseName: string | null; description: string | null; result: string | null;
  attendanceMode: 'members' | 'counts'; countTotal: number | null; countFemale: number | null; countMembers: number | null; cancelReason: string | null;
  version: number; attendees: number | null; participantUnits?: { id: number; name: string }[]; attendance?: { members: number; female: number }; canWrite?: boolean;
}
export interface IndicatorValue {
  key: string; label: string; description: string; kind: 'ratio' | 'count'; unitLabel: string | null; numerator: number; denominator: number | null;
  value: number | null; named: number | null; fromCounts: number | null; bySector: { sector: string | null; numerator: number; denominator: number | null; value: number | null }[];
}

export function useKinds(unitId: number | null) {
  return useQuery({ queryKey: ['activity-kinds', unitId], queryFn: () => api.get<Kind[]>(`/api/activity-kinds${qs({ unitId })}`), enabled: unitId !== null, staleTime: 60_000 });
}

export const CATEGORY_COLORS: Record<string, string> = {
  study: 'blue', dialogue: 'purple', workers_conference: 'geekblue', skills_training: 'cyan', culture_sports: 'green', osh: 'orange',
  legal_advice: 'gold', training_policy: 'magenta', women: 'pink', other: 'default',
};
export const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4));
export const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
