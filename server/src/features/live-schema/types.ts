import type { IoOptions } from '../../sync/sources/source-options';

/** A custom attribute the IdP reports in its schema, as a path the language accepts. */
export interface LiveAttribute {
  /** e.g. `profile.badgeId`, `extension_<appid>_costCenter`, `customSchemas.employment.level`. */
  path: string;
  type: string;
  description?: string;
  isCollection?: boolean;
}

/** Reads one source's custom attributes; `settings` are resolved values (secrets included). */
export type SchemaFetcher = (settings: Record<string, string>, io: IoOptions) => Promise<LiveAttribute[]>;
