/**
 * Reads with a cap: a file or an HTTP body is read in chunks and given up as soon as it is
 * over the cap (the stream destroyed), never buffered whole first. Works for character
 * devices like /dev/zero, whose size says 0.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatBytes } from './limits.js';

/** More than `limit` bytes were offered; nothing past the cap was kept. */
export class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
  constructor(readonly limit: number) {
    super(`larger than ${formatBytes(limit)}`);
  }
}

const CHUNK = 64 * 1024;

/** A file's text, or TooLargeError past `limit` bytes (errno errors pass through). */
export function readFileBounded(file: string, limit: number): string {
  const fd = openSync(file, 'r');
  try {
    // A regular file says its size: refuse at once, without reading.
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) throw new TooLargeError(limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new TooLargeError(limit);
      chunks.push(buffer.subarray(0, read));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * A body's text, or TooLargeError past `limit` bytes. Leaving the loop early ends the
 * iteration, which destroys a Node stream and cancels a web stream: the rest is never read.
 */
export async function readBodyBounded(
  body: AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > limit) throw new TooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
