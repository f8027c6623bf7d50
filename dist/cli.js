#!/usr/bin/env node
// The connref-gate command: the bundle and its chunks live in dist/cli/ (scripts/build.mjs).
import './cli/index.js';
