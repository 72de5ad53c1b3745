/**
 * node:http and node:https, loaded by require() when first used:
 * - an ES module's `import` of node:http reads every export, and its WebSocket, CloseEvent and
 *   MessageEvent getters load Node's own undici (with http2, zlib, worker_threads);
 * - node:https loads TLS and crypto.
 * Together some 50 ms of CPU at every start, `mode: validate`'s too, which sends no request
 * (issue 14). Their types are imported from node:http as usual: `import type` loads nothing.
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

const require = createRequire(import.meta.url);
export const http = (): typeof Http => require('node:http') as typeof Http;
export const https = (): typeof Https => require('node:https') as typeof Https;
