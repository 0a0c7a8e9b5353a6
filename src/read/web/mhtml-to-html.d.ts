/**
 * The part of mhtml-to-html's API broadsheet uses. The package ships `lib/mod.d.ts`, but its
 * `exports` map does not point at it, so TypeScript cannot find it (checked with 2.1.0).
 */
declare module 'mhtml-to-html' {
  export interface ConvertConfig {
    enableScripts?: boolean;
    fetchMissingResources?: boolean;
  }
  export interface PageData {
    /** The page as one HTML text, its resources inline as data: URIs. */
    data: string;
    title?: string;
  }
  export function convert(mhtml: string | Uint8Array, config?: ConvertConfig): Promise<PageData>;
}
