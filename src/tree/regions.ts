import { profileLabel } from '../aws/profileNames';
import type { AwsProfile } from '../aws/types';

/** Shown when neither the profile nor the settings name a region. */
export const FALLBACK_REGION = 'us-east-1';

/** A profile's own region first, then the configured extra regions, without duplicates. */
export function regionsFor(profile: AwsProfile, configuredRegions: readonly string[]): string[] {
  const regions = new Set<string>();
  if (profile.region) regions.add(profile.region);
  for (const region of configuredRegions) if (region.trim()) regions.add(region.trim());
  if (regions.size === 0) regions.add(FALLBACK_REGION);
  return [...regions];
}

/** Profiles the user chose to show (`awsSecrets.profiles`, by name or label; empty = all), in discovery order. */
export function visibleProfiles(profiles: readonly AwsProfile[], chosen: readonly string[]): AwsProfile[] {
  if (chosen.length === 0) return [...profiles];
  const wanted = new Set(chosen);
  return profiles.filter((p) => wanted.has(p.name) || wanted.has(profileLabel(p.name)));
}
