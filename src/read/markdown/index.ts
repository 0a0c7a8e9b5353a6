/** The Markdown reader (see read.ts). */
export { readMarkdown } from './read.js';
