import type { Permission } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';

/**
 * The home page answers "what do I have to do, for which unit, by when" (UX.md). Each module
 * contributes sections: a count and the first few items, each linking to the record or list
 * behind it. The web shows a section's title from `home.sections.<key>` in the locale files.
 */
export interface HomeItem {
  /** A record's name: a unit, a member, an enterprise… */
  title: string;
  /** A short second line: a date, an amount, a status (already in Vietnamese). */
  detail?: string | null;
  /** The web route that opens the record, without the ?unit= scope (the web adds it). */
  href: string;
  tone?: 'danger' | 'warning' | 'normal';
}

export interface HomeSectionResult {
  count: number;
  items: HomeItem[];
  /** The list page that shows all of them. */
  href: string;
}

export interface HomeSection {
  key: string;
  /** Shown to users who hold this permission at the chosen unit. */
  permission: Permission;
  /** Which homes show it: the upper levels (federation, province), grassroots unions, or both. */
  levels: ('upper' | 'grassroots')[];
  load(db: Db, actor: Actor, unit: { id: number; path: string; kind: string }): Promise<HomeSectionResult>;
}

export const ITEMS_SHOWN = 5;
