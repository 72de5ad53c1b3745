/**
 * Where a kubeconfig is found decides whether @kubernetes/client-node is loaded at all, so it
 * must follow kubectl's order exactly as loadKubeConfig reads it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findKubeconfig, type KubeconfigSource } from '../../src/kube/kubeconfig-source.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-source-'));
const withHome = path.join(dir, 'with-home');
const noHome = path.join(dir, 'no-home');
const fileA = path.join(dir, 'a.yaml');
const fileB = path.join(dir, 'b.yaml');
const missing = path.join(dir, 'missing.yaml');
beforeAll(() => {
  mkdirSync(path.join(withHome, '.kube'), { recursive: true });
  mkdirSync(noHome, { recursive: true });
  for (const file of [path.join(withHome, '.kube', 'config'), fileA, fileB])
    writeFileSync(file, '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each<[string, string | undefined, NodeJS.ProcessEnv, KubeconfigSource | undefined]>([
  [
    'the input first',
    'apiVersion: v1',
    { KUBECONFIG: fileA, HOME: withHome },
    { kind: 'input', text: 'apiVersion: v1' },
  ],
  [
    'then the KUBECONFIG files that exist',
    undefined,
    { KUBECONFIG: [missing, fileA, fileB].join(path.delimiter), HOME: withHome },
    { kind: 'files', files: [fileA, fileB] },
  ],
  [
    'then ~/.kube/config when no KUBECONFIG file exists',
    undefined,
    { KUBECONFIG: missing, HOME: withHome },
    { kind: 'home', file: path.join(withHome, '.kube', 'config') },
  ],
  [
    'then the in-cluster service account',
    undefined,
    { HOME: noHome, KUBERNETES_SERVICE_HOST: '10.0.0.1' },
    { kind: 'in-cluster' },
  ],
  ['else nothing', undefined, { HOME: noHome }, undefined],
  ['an empty input is no input', '', { HOME: noHome }, undefined],
])('%s', (_name, kubeconfig, env, expected) => {
  expect(findKubeconfig({ kubeconfig, env })).toEqual(expected);
});
