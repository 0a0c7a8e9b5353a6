// Never let puppeteer (pulled in by @daisy/ace-cli) download a browser: tests use Debian's Chromium.
module.exports = { skipDownload: true };
