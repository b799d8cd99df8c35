#!/usr/bin/env node
// The `instaview-mock` command: runs the TypeScript CLI through tsx's loader, so an installed
// checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
