/**
 * The one fontkit 2 entry point the cover uses; fontkit ships no type declarations.
 *
 * Why `unknown`: another part of the project may declare this module more fully, and ambient
 * declarations merge. Returning `unknown` keeps this one compatible with any other; `font-metrics.ts`
 * narrows the result to the few members it reads.
 */
declare module 'fontkit' {
  export function openSync(filename: string, postscriptName?: string): unknown;
}
