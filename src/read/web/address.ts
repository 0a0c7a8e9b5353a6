/**
 * Which inputs are web addresses. Its own module so the command-line parser can ask without loading
 * the reader. Any `scheme://` counts (a Windows path `C:\…` has no `//`): the fetcher then refuses
 * what is not http or https, rather than the build looking for a file called `ftp:/…`.
 */
export function isWebAddress(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}
