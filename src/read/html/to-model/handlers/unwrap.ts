/**
 * Elements without meaning for the model (`span`, `small`, `mark`, `abbr`, `time`, unknown ones):
 * their content stays, the element goes. A `lang` or `dir` on them still becomes a span (the
 * dispatcher adds it).
 */
import type { Handler } from '../state.js';

export const unwrap: Handler = (node, state) => state.all(node);

/** Elements whose only content is their attributes (task-list checkboxes are read by the list). */
export const ignore: Handler = () => [];
