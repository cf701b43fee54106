import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import * as records from './records';
import { IMPORTABLE } from './record-kinds';

type Schema = Record<string, unknown>;

// class-transformer keeps its @Type metadata here (how a nested list's class is known); the file has no declaration of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

/** The `$ref`s a schema names, at any depth. */
function refsOf(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(refsOf);
  if (!schema || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value.slice('#/definitions/'.length)] : refsOf(value));
}

/**
 * The JSON Schema of an import file, derived from the same class-validator record classes the
 * import validates with (so the two cannot drift): a mapping from kind to a list of records. What a
 * schema cannot say (a note required with an INFERRED confidence, a url or a publishedOn date) is
 * still checked by the import, which names the line.
 */
export function recordsJsonSchema(): Schema {
  // The record classes' own metadata, by identity: the storage is global, and a second copy of these modules
  // (a test runner's fresh registry) would otherwise be merged with this one by class name.
  const classes = (Object.values(records) as unknown[]).filter((value): value is new () => object => typeof value === 'function');
  const storage = getMetadataStorage();
  const metadatas = [...new Set(classes.flatMap((type) => storage.getTargetValidationMetadatas(type, '', true, false)))]
    // A built-in decorator is a custom constraint named for what it checks ('matches'): the converters are keyed by that name.
    .map((meta) => ({ ...meta, type: (meta.constraintCls && storage.getTargetValidatorConstraints(meta.constraintCls)[0]?.name) || meta.type }));
  const all = validationMetadataArrayToSchemas(metadatas, {
    refPointerPrefix: '#/definitions/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    // Our @Validate constraints (a note with an INFERRED confidence) say nothing a schema can.
    additionalConverters: { [ValidationTypes.CUSTOM_VALIDATION]: {} },
  });
  const properties = Object.fromEntries(Object.entries(IMPORTABLE).map(([kind, spec]) => [kind, {
    type: 'array',
    items: { $ref: `#/definitions/${spec.type.name}` },
  }]));
  const definitions: Record<string, Schema> = {};
  const pending = refsOf(properties);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (definitions[name]) continue;
    definitions[name] = all[name] as Schema;
    pending.push(...refsOf(all[name]));
  }
  return JSON.parse(JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Records for npm run import',
    description: 'YAML or JSON: each key a kind of record (written in this order), each value a list of records in the seed files\' shapes.',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  }));
}

/** The file as committed at schema/import-records.schema.json. */
export const recordsJsonSchemaText = () => `${JSON.stringify(recordsJsonSchema(), null, 2)}\n`;
