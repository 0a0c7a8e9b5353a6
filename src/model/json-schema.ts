/**
 * The JSON Schema of the model, generated from the zod schemas so it can never drift from them.
 * `broadsheet schema` prints it; other tools validate JSON articles against it.
 */
import { z } from 'zod';
import { publication, MODEL_VERSION } from './publication.js';

export function publicationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(publication, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://broadsheet.invalid/schema/publication-${MODEL_VERSION}.json`,
    title: 'broadsheet publication',
    description: `The canonical article model of broadsheet, version ${MODEL_VERSION}.`,
  };
}
