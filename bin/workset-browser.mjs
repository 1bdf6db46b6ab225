#!/usr/bin/env node
// The `workset-browser` command: runs src-main/cli.ts from source through tsx, so it works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli.ts');
