#!/usr/bin/env node
// npx cluster-reportage <command>: see `cluster-reportage --help` and the README.
import { main } from '../dist/lib/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
