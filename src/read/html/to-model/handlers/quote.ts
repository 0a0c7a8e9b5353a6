/** `<q>` → quotation (the writers add the quotation marks of the language); `cite` only if it is a safe URL. */
import { allowedHref } from '../../url-policy.js';
import { wrapInline } from '../flow.js';
import { stringProp } from '../hast.js';
import type { Handler } from '../state.js';

export const quote: Handler = (node, state) => {
  const cite = allowedHref(stringProp(node, 'cite'));
  return wrapInline(state.all(node), (children) => ({ type: 'quote', ...(cite && { cite }), children }));
};
