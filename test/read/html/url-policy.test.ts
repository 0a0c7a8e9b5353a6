import { describe, expect, it } from 'vitest';
import { allowedHref, allowedSrc } from '../../../src/read/html/url-policy.js';

describe('allowedHref', () => {
  it.each([
    'https://example.com/a?b#c', 'http://example.com', 'mailto:someone@example.com', 'tel:+44 20 7946 0000', '#section-2', 'HTTPS://EXAMPLE.COM',
    // Kept as written: read/resolve-links.ts repairs or resolves them, or makes them text with a warning.
    '/relative/path', 'page.html', '../x.html#y', 'https://webchat.freenode.net/?channels=##rust', 'https://exa mple.com/',
  ])(
    'keeps %s',
    (href) => expect(allowedHref(href)).toBe(href),
  );

  it.each([
    'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example.com/x', '\\\\server\\x',
    'file:///etc/passwd', 'ftp://example.com', '#', '',
  ])('refuses %j', (href) => expect(allowedHref(href)).toBeUndefined());
});

describe('allowedSrc', () => {
  it.each(['images/photo.jpg', './a.png', '../shared/b.png', '/images/site.png', 'https://cdn.example.com/c.jpg', 'http://x.example/d.png', 'data:image/png;base64,iVBOR', 'data:image/svg+xml,%3Csvg%3E'])(
    'keeps %s',
    (src) => expect(allowedSrc(src)).toBe(src),
  );

  it.each(['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'data:,x', '//evil.example.com/x.png', '\\\\server\\share\\x.png', 'C:\\x.png', 'file:///x.png', ''])(
    'refuses %j',
    (src) => expect(allowedSrc(src)).toBeUndefined(),
  );
});
