/**
 * A mistake on the command line (exit 2). In its own file so that `broadsheet --version` and
 * `--help` can recognise it without loading the argument parsers and the model they check against.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
