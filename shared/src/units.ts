export const UNIT_KINDS = ['confederation', 'province_federation', 'city_federation', 'sector_union',
  'industrial_zone_union', 'grassroots', 'union_group'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GRASSROOTS_KINDS = ['enterprise', 'administrative', 'public_service', 'occupational', 'small'] as const;
export type GrassrootsKind = (typeof GRASSROOTS_KINDS)[number];

export const SECTORS = ['state', 'non_state', 'fdi', 'administrative', 'public_service'] as const;
export type Sector = (typeof SECTORS)[number];

/** Which kinds of unit may sit directly under which. */
export const CHILD_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  confederation: ['province_federation', 'sector_union'],
  province_federation: ['city_federation', 'sector_union', 'industrial_zone_union', 'grassroots'],
  city_federation: ['industrial_zone_union', 'grassroots'],
  sector_union: ['grassroots'],
  industrial_zone_union: ['grassroots'],
  grassroots: ['union_group'],
  union_group: [],
};

export const UPPER_LEVEL_KINDS: readonly UnitKind[] = ['confederation', 'province_federation', 'city_federation',
  'sector_union', 'industrial_zone_union'];
