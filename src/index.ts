/**
 * broadsheet as a library: the build pipeline, the model and its schema, and the readers.
 */
export { build, buildPublication, type BuildOptions, type BuildResult } from './build.js';
export * from './model/index.js';
export { readPublication, READERS } from './read/publication.js';
export { InputError, formatDiagnostic, type Diagnostic } from './check/diagnostic.js';
export { VERSION } from './version.js';
export { catalog, type CatalogOptions, type CatalogResult } from './catalog/index.js';
export { init, type InitOptions } from './init/index.js';
export { BUILD_PHASES, type BuildEvent, type BuildPhase, type BuiltPublication, type ProgressListener } from './progress/events.js';
export { buildReport, reportJsonSchema, REPORT_VERSION, type BuildReport } from './report/schema.js';
