/**
 * Building JSON records (the JSON-LD record, the OPDS 2.0 feed) from optional fields: a field
 * without a value, or with an empty list, is left out rather than written as null or [], which
 * schema.org and OPDS readers treat as a statement.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The list, or undefined when it is empty (so `compact` leaves the key out). */
export function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** Drops keys whose value is undefined, keeping the order of the rest. */
export function compact(entries: { [key: string]: Json | undefined }): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}
