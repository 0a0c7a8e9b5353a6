#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install`'s prepare step or `npm run compile`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
