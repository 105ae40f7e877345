#!/usr/bin/env -S node --max-old-space-size=256
// Runs the TypeScript command line through tsx, so no build step stands between a checkout and `npx claimdesk`.
// The heap cap makes V8 collect garbage before it grows: without it, ingest garbage grew the process to 600 MB.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
