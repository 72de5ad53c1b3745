/**
 * The policy's validation code is generated from its schema at build time (Ajv standalone):
 * the committed file must be what the schema gives today, or a key added to the schema would
 * be refused by the action while its documentation offers it.
 */
import { readFile } from 'node:fs/promises';
import { VALIDATOR_FILE, validatorSource } from '../../scripts/policy-validator.js';
import validateSchema from '../../src/policy/schema-validator.js';

test('src/policy/schema-validator.js is generated from the current schema', async () => {
  const committed = await readFile(VALIDATOR_FILE, 'utf8');
  // Not toBe: a 200 KB one-line diff says less than the command that fixes it.
  if (committed !== validatorSource())
    throw new Error(
      'src/policy/schema-validator.js is stale: regenerate it with `npx tsx scripts/policy-validator.ts`',
    );
});

test.each<[string, unknown, string[]]>([
  ['an empty policy', {}, []],
  ['an unknown top-level key', { trigers: [] }, ['additionalProperties /']],
  ['a number where a list is', { triggers: 5 }, ['type /triggers']],
])('the generated validator judges %s as the schema does', (_name, document, expected) => {
  const valid = validateSchema(document);
  expect({
    valid,
    errors: (validateSchema.errors ?? []).map((e) => `${e.keyword} ${e.instancePath || '/'}`),
  }).toEqual({ valid: expected.length === 0, errors: expected });
});
