/** Bounded reads: files (devices too) and bodies stop at the cap and say so. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readBodyBounded, readFileBounded, TooLargeError } from '../../src/bounded.js';
import { formatBytes, LIMITS } from '../../src/limits.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'limits-'));
  writeFileSync(path.join(dir, 'small'), 'a: 1\n');
  writeFileSync(path.join(dir, 'big'), 'x'.repeat(2048));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileBounded', () => {
  test.each<[string, string, number, string | undefined]>([
    ['a small file', 'small', 1024, 'a: 1\n'],
    ['exactly at the cap', 'small', 5, 'a: 1\n'],
    ['a regular file over the cap (refused by its size)', 'big', 1024, undefined],
    ['a device that never ends', '/dev/zero', 1024, undefined],
    ['an empty device', '/dev/null', 1024, ''],
  ])('%s', (_name, file, limit, expected) => {
    const read = (): string => readFileBounded(path.resolve(dir, file), limit);
    if (typeof expected === 'string') expect(read()).toBe(expected);
    else expect(read).toThrow(TooLargeError);
  });

  test('errno errors pass through for the caller to name', () => {
    expect(() => readFileBounded(path.join(dir, 'missing'), 10)).toThrow(/ENOENT/);
  });
});

describe('readBodyBounded', () => {
  test.each<[string, (string | Uint8Array)[], number, string | undefined]>([
    ['chunks under the cap', ['ab', Buffer.from('cd')], 10, 'abcd'],
    [
      'a multi-byte character split across chunks',
      [Buffer.from([0xc3]), Buffer.from([0xa9])],
      10,
      'é',
    ],
    ['over the cap', ['abcdef', 'ghijkl'], 10, undefined],
  ])('%s', async (_name, chunks, limit, expected) => {
    const read = readBodyBounded(Readable.from(chunks), limit);
    if (expected === undefined) await expect(read).rejects.toThrow(TooLargeError);
    else await expect(read).resolves.toBe(expected);
  });

  test('stops reading an endless stream and destroys it', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(readBodyBounded(endless, 10 * 1024)).rejects.toThrow('larger than 10 KiB');
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(40);
  });
});

test.each<[number, string]>([
  [LIMITS.policyFile, '1 MiB'],
  [LIMITS.kubeAnswer, '64 MiB'],
  [512 * 1024, '512 KiB'],
  [100, '100 bytes'],
])('formatBytes(%d) = %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});
