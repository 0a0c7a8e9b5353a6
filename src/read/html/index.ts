/** The HTML reader (see read.ts), and the sanitizer and HTML→model mapping the Markdown reader shares. */
export { readHtml } from './read.js';
export { sanitize, type Sanitized } from './sanitize.js';
export { htmlToModel, hastToModel, type ToModelOptions, type MappedContent, type MappingIssue } from './to-model/index.js';
