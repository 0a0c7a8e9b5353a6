/** The part of `linebreak` 1.1 (UAX #14 line breaking) this project calls; it ships no types. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
