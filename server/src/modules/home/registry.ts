import type { HomeSection } from './sections.ts';
import { reportSections } from '../programme/home.ts';
import { activitySections } from '../activities/home.ts';
import { memberSections } from '../members/home.ts';

/** Every module's home sections, in the order the home page shows them. A module adds one spread here. */
export const HOME_SECTIONS: readonly HomeSection[] = [
  ...reportSections,
  ...activitySections,
  ...memberSections,
];
