#!/usr/bin/env -S node --max-old-space-size=256
// Runs the TypeScript command line through tsx, so no build step stands between a checkout and `npx claimdesk`.
// The heap cap makes V8 collect garbage before it grows: the live heap is about 100 MB, the cap keeps RSS near 300.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
