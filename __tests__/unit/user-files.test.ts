/** Files the user names: each wrong one is one line naming the input, never its content. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSnapshot } from '../../src/kube/snapshot.js';
import { loadPolicy } from '../../src/policy/load.js';

let dir: string;
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'user-files-'));
  writeFileSync(path.join(dir, 'passwd'), PASSWD);
  writeFileSync(path.join(dir, 'null.json'), 'null');
  writeFileSync(path.join(dir, 'big.json'), `{"pad": "${'x'.repeat(17 * 1024 * 1024)}"}`);
  writeFileSync(path.join(dir, 'big.yml'), `# ${'x'.repeat(1024 * 1024)}\n`);
  writeFileSync(
    path.join(dir, 'ok.json'),
    '{"version": 1, "captured-at": "2026-01-01T00:00:00.000Z", "sha": null, "run-url": null, "targets": []}',
  );
  writeFileSync(path.join(dir, 'camel.json'), '{"version": 1, "capturedAt": "x", "targets": []}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSnapshot', () => {
  test.each<[string, string, string]>([
    [
      'a passwd file',
      'passwd',
      "input 'snapshot': '<dir>/passwd' is not a rollback-action snapshot (not valid JSON)",
    ],
    [
      'JSON null',
      'null.json',
      "input 'snapshot': '<dir>/null.json' is not a rollback-action snapshot (expected version 1 with targets)",
    ],
    [
      'a snapshot without its kebab-case time',
      'camel.json',
      "input 'snapshot': '<dir>/camel.json' is not a rollback-action snapshot (expected 'captured-at')",
    ],
    [
      'a file over 16 MiB',
      'big.json',
      "input 'snapshot': '<dir>/big.json' is larger than 16 MiB; it is not a snapshot from mode: capture",
    ],
    [
      '/dev/zero',
      '/dev/zero',
      "input 'snapshot': '/dev/zero' is larger than 16 MiB; it is not a snapshot from mode: capture",
    ],
    [
      'a missing file',
      'nope.json',
      "input 'snapshot': neither JSON nor a readable file: '<dir>/nope.json'",
    ],
    [
      'JSON text that is broken',
      '{"version": 1, "targets": [} "s3cret"',
      "input 'snapshot': not a rollback-action snapshot (not valid JSON); use the 'snapshot' output of mode: capture",
    ],
  ])('%s', (_name, value, message) => {
    const input = value.startsWith('{') || value.startsWith('/') ? value : path.join(dir, value);
    expect(() => readSnapshot(input)).toThrow(message.replace('<dir>', dir));
  });

  test('a snapshot file is read', () => {
    expect(readSnapshot(path.join(dir, 'ok.json'))).toEqual({
      version: 1,
      capturedAt: '2026-01-01T00:00:00.000Z',
      sha: undefined,
      runUrl: undefined,
      targets: [],
    });
  });
});

describe('loadPolicy', () => {
  test.each<[string, string, boolean, string | undefined]>([
    ['the default path, absent: no policy', 'missing.yml', false, undefined],
    ['a named path, absent', 'missing.yml', true, "input 'policy': file not found: 'missing.yml'"],
    ['a directory', '.', true, "input 'policy': '.' is a directory, not a file"],
    [
      '/dev/zero, outside the workspace',
      '/dev/zero',
      true,
      "input 'policy': '/dev/zero' is outside the workspace; the policy is a file of the repository, given relative to it",
    ],
    [
      'a file over 1 MiB',
      'big.yml',
      true,
      "input 'policy': 'big.yml' is larger than 1 MiB; a policy file is a few KiB",
    ],
    ['a passwd file', 'passwd', true, 'passwd:1:1: the policy must be a mapping of keys to values'],
  ])('%s', (_name, file, explicit, message) => {
    const load = (): unknown => loadPolicy(dir, file, explicit);
    if (message === undefined) expect(load()).toBeUndefined();
    else expect(load).toThrow(message);
  });
});
