import { enableCompileCache } from 'node:module';
import * as path from 'node:path';
import { limitMemory } from './v8-flags.js';

// Before anything is compiled or cached (see v8-flags.ts).
limitMemory();

// V8's compiled code of the bundle, kept for the job's later steps (capture, then guard): a
// step after the first starts without compiling it again. NODE_COMPILE_CACHE, when set, wins.
if (process.env.RUNNER_TEMP)
  enableCompileCache(path.join(process.env.RUNNER_TEMP, 'rollback-action', 'compile-cache'));

// Imported after the cache is on, so that what it loads is cached.
const { run } = await import('./main.js');
await run();
