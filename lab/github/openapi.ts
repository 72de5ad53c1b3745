/**
 * GitHub's official OpenAPI description (npm @octokit/openapi) as a request validator: finds
 * the operation for a method and path, and checks path and query parameters and the JSON body
 * against its schemas with Ajv. OpenAPI 3.0's `nullable` becomes JSON Schema's null type.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the plugin function itself.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  $ref?: string;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: Schema }>;
    $ref?: string;
  };
}

interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    requestBodies?: Record<string, unknown>;
  };
}

export interface MatchedOperation {
  operationId: string;
  method: string;
  template: string;
  pathParams: Record<string, string>;
}

export interface ValidationResult {
  operation: MatchedOperation | undefined;
  errors: string[];
}

let cached: Spec | undefined;
export function githubSpec(): Spec {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve(
      '@octokit/openapi/generated/api.github.com.json',
    );
    cached = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  }
  return cached;
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` means "or null"; examples are not keywords. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, example: _e, examples: _x, discriminator: _d, ...rest } = value as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(rest))
    out[k] =
      k === 'properties' || k === 'patternProperties'
        ? mapValues(v as Schema, toJsonSchema)
        : toJsonSchema(v);
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function mapValues(o: Schema, f: (v: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** The component schemas a schema reaches through $ref, transitively. */
function collectRefs(schema: unknown, spec: Spec, into: Record<string, Schema>): void {
  if (Array.isArray(schema)) {
    for (const item of schema) collectRefs(item, spec, into);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  for (const [k, v] of Object.entries(schema as Schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      const name = v.slice('#/components/schemas/'.length);
      if (!(name in into) && spec.components.schemas[name]) {
        into[name] = spec.components.schemas[name];
        collectRefs(spec.components.schemas[name], spec, into);
      }
    } else collectRefs(v, spec, into);
  }
}

export class OpenApiValidator {
  private readonly spec = githubSpec();
  private readonly bodyAjv = new Ajv({ strict: false, allErrors: true });
  private readonly paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly matchers: {
    method: string;
    template: string;
    regex: RegExp;
    names: string[];
    operation: Operation;
  }[] = [];

  constructor() {
    addFormats(this.bodyAjv);
    addFormats(this.paramAjv);
    // GitHub's own formats ("repo.nwo", "int64", ...) are hints with no public definition:
    // accepted as they are, as the documentation describes them.
    for (const format of formatsIn(this.spec)) {
      for (const ajv of [this.bodyAjv, this.paramAjv])
        if (!ajv.formats[format]) ajv.addFormat(format, true);
    }
    for (const [template, item] of Object.entries(this.spec.paths)) {
      const names: string[] = [];
      const pattern = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          // {basehead} and the ref of git/ref/{ref} may hold slashes; others are one segment.
          return name === 'ref' || name === 'basehead' || name === 'path' ? '(.+)' : '([^/]+)';
        });
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        this.matchers.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${pattern}$`),
          names,
          operation,
        });
      }
    }
    // Literal paths win over templated ones (/repos/{o}/{r}/issues/comments vs /issues/{n}).
    this.matchers.sort(
      (a, b) =>
        b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length,
    );
  }

  get version(): string {
    return this.spec.info.version;
  }

  match(
    method: string,
    path: string,
  ): { matched: MatchedOperation; operation: Operation } | undefined {
    for (const m of this.matchers) {
      if (m.method !== method) continue;
      const found = m.regex.exec(path);
      if (!found) continue;
      const pathParams = Object.fromEntries(
        m.names.map((n, i) => [n, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return {
        matched: { operationId: m.operation.operationId, method, template: m.template, pathParams },
        operation: m.operation,
      };
    }
    return undefined;
  }

  validate(method: string, path: string, query: URLSearchParams, body: unknown): ValidationResult {
    const found = this.match(method, path);
    if (!found)
      return {
        operation: undefined,
        errors: [`${method} ${path} is not an operation of GitHub's REST API`],
      };
    const { matched, operation } = found;
    const errors: string[] = [];
    const params = (operation.parameters ?? [])
      .map((p) => (p.$ref ? this.spec.components.parameters[p.$ref.split('/').pop() ?? ''] : p))
      .filter((p): p is Parameter => p !== undefined);
    for (const p of params) {
      const raw =
        p.in === 'path'
          ? matched.pathParams[p.name]
          : p.in === 'query'
            ? (query.get(p.name) ?? undefined)
            : undefined;
      if (p.in === 'header') continue;
      if (raw === undefined) {
        if (p.required) errors.push(`${p.in} parameter '${p.name}' is required`);
        continue;
      }
      const holder = { value: raw as unknown };
      const wrapped = this.compile(
        `param-wrap:${matched.operationId}:${p.name}`,
        { type: 'object', properties: { value: p.schema ?? {} } },
        this.paramAjv,
      );
      if (!wrapped(holder))
        errors.push(...describe(wrapped.errors, `${p.in} parameter '${p.name}'`));
    }
    const content = operation.requestBody?.content?.['application/json']?.schema;
    if (content) {
      if (body === undefined) {
        if (operation.requestBody?.required) errors.push('a JSON request body is required');
      } else {
        const validate = this.compile(`body:${matched.operationId}`, content, this.bodyAjv);
        if (!validate(body)) errors.push(...describe(validate.errors, 'body'));
      }
    }
    for (const key of query.keys()) {
      if (!params.some((p) => p.in === 'query' && p.name === key))
        errors.push(`query parameter '${key}' is not a parameter of ${matched.operationId}`);
    }
    return { operation: matched, errors };
  }

  private compile(key: string, schema: Schema, ajv: Ajv): ValidateFunction {
    let fn = this.compiled.get(key);
    if (!fn) {
      const components: Record<string, Schema> = {};
      collectRefs(schema, this.spec, components);
      const root = {
        ...(toJsonSchema(schema) as Schema),
        components: { schemas: mapValues(components, toJsonSchema) },
      };
      fn = ajv.compile(root);
      this.compiled.set(key, fn);
    }
    return fn;
  }
}

function formatsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) formatsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value as Schema)) {
      if (k === 'format' && typeof v === 'string') into.add(v);
      else formatsIn(v, into);
    }
  }
  return into;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map(
      (e) =>
        `${where}${e.instancePath.replace(/^\/value/, '')} ${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${JSON.stringify(e.params.allowedValues)})` : ''}`,
    );
}
