import fc from 'fast-check';
import { kindOfId } from '../../src/domain/entities';
import {
  getNamedType, getNullableType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLSchema,
  isAbstractType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType, print, parse,
} from 'graphql';

type Draw = fc.GeneratorValue;

/** Named fragments in one operation: well under the server's limit of 20. */
const MAX_FRAGMENTS = 5;

/** Values that mean something in the seeded graph, with a few that name nothing, by argument name or scalar. */
const VALUES: Record<string, unknown[]> = {
  'agency.id': ['agency:bis', 'agency:nope'],
  'chipProduct.id': ['chipProduct:huawei-ascend-910b', 'chipProduct:nvidia-h100'],
  'company.id': ['company:huawei', 'company:nvidia'],
  'official.id': ['official:jeffrey-kessler'],
  'rule.id': ['rule:ai-diffusion', 'rule:ai-diffusion-rescission'],
  'ruleLineage.id': ['rule:ai-diffusion', 'rule:nope'],
  'tier.id': ['tier:ai-diffusion-1', 'tier:ai-diffusion-2'],
  'node.id': ['rule:ai-diffusion', 'country:SG', 'tier:ai-diffusion-2', 'agency:bis', 'official:jeffrey-kessler', 'source:nope', 'constructor:x', 'planet:mars'],
  ruleId: ['rule:ai-diffusion', 'rule:nope'],
  issuedByAgencyId: ['agency:bis', 'agency:nope'],
  code: ['SG', 'JP', 'fr', 'MO', 'ZZ'],
  entity: ['Huawei Ascend', 'chipProduct:huawei-ascend-910b', 'Nvidia', 'country:CN'],
  text: ['huawei', 'Kesler', 'AI Diffusion', 'tier 2'],
  first: [1, 2, 5, 20, 50, 100],
  maxDepth: [1, 2, 5, 10, 25],
  fromLevel: [1, 2, 3],
  toLevel: [1, 2, 3],
  Date: ['2025-01-13', '2025-03-01', '2025-05-13', '2025-06-01', '2024-12-31'],
  DateTime: ['2026-01-01T00:00:00Z', '2020-01-01T00:00:00.000Z'],
  String: ['x', 'Huawei'],
  ID: ['rule:ai-diffusion', 'agency:bis'],
  Int: [1, 3, 10],
  Float: [1.5],
  Boolean: [true, false],
};

/** One randomly built, valid query: the document, its variables, and what it is made of. */
export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  /** Fields that look text up (search, a text filter, rulesTouching by name), each alias counted. */
  textLookups: number;
}

/** How operations are drawn. */
export interface GenerateOptions {
  /** Percentage of arguments sent as variables rather than literals (40 by default). */
  variablePercent?: number;
  /** Sometimes add aliases of full-text fields at the root, up to this many (none by default). */
  maxTextLookupAliases?: number;
}

/** Text lookups at the root, as the server prices them: `text` literal or variable, `entity` by name. */
const TEXT_LOOKUP_FIELDS: ((text: string) => string)[] = [
  (text) => `search(text: ${text}, first: 1) { score }`,
  (text) => `rules(filter: { text: ${text} }, first: 1) { totalCount }`,
  (text) => `rulesTouching(entity: ${text}) { relation }`,
];
const LOOKUP_TEXTS = ['huawei', 'Ascnd', 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa', 'Huawei Ascend'];

class Builder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];
  private readonly fragments: string[] = [];
  private readonly responseNames = new Set<string>();
  private textLookups = 0;

  constructor(private readonly schema: GraphQLSchema, private readonly draw: Draw, private readonly maxDepth: number, private readonly options: GenerateOptions = {}) {}

  private pick<T>(items: readonly T[]): T {
    return items[this.draw(fc.nat, items.length - 1)];
  }

  private chance(percent: number): boolean {
    return this.draw(fc.nat, 99) < percent;
  }

  private valueFor(name: string, type: GraphQLInputType, fieldName = ''): unknown {
    const named = getNamedType(type);
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [this.valueFor(name, nullable.ofType)];
    if (isEnumType(named)) return this.pick(named.getValues()).value;
    if (isInputObjectType(named)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(named.getFields())) {
        if (isNonNullType(field.type) || this.chance(40)) value[field.name] = this.valueFor(field.name, field.type);
      }
      return value;
    }
    return this.pick(VALUES[`${fieldName}.${name}`] ?? VALUES[name] ?? VALUES[named.name] ?? ['x']);
  }

  /** A new variable of the operation, holding value. */
  private variable(type: string, value: unknown): string {
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${type}`);
    this.variables[name] = value;
    return `$${name}`;
  }

  /** An argument as a literal or as a variable, with its value; optional ones sometimes null, sometimes left out. */
  private argument(fieldName: string, argument: GraphQLArgument): { text: string; value: unknown } | null {
    const required = isNonNullType(argument.type);
    if (!required && this.chance(50)) return null;
    const value = !required && this.chance(25) ? null : this.valueFor(argument.name, argument.type, fieldName);
    if (this.chance(this.options.variablePercent ?? 40)) return { text: `${argument.name}: ${this.variable(String(argument.type), value)}`, value };
    return { text: `${argument.name}: ${literal(value, argument.type)}`, value };
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, alias: string | null): string {
    const given = field.args.map((argument) => ({ name: argument.name, given: this.argument(field.name, argument) }));
    if (looksUpText(Object.fromEntries(given.map(({ name, given: arg }) => [name, arg?.value])))) this.textLookups += 1;
    const args = given.flatMap(({ given: arg }) => (arg ? [arg.text] : []));
    const head = `${alias ? `${alias}: ` : ''}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
    const type = getNamedType(field.type);
    return isLeafType(type) ? head : `${head} ${this.selection(type, depth + 1)}`;
  }

  /** A selection set on a type: a few fields, aliases, inline fragments on abstract types, sometimes a named fragment. */
  selection(type: GraphQLNamedType, depth: number): string {
    const parts: string[] = [];
    if (isAbstractType(type)) {
      parts.push('__typename');
      for (const possible of this.schema.getPossibleTypes(type)) {
        if (this.chance(30) && depth < this.maxDepth) parts.push(`... on ${possible.name} ${this.selection(possible, depth)}`);
      }
      return `{ ${parts.join(' ')} }`;
    }
    if (!isObjectType(type)) throw new Error(`cannot select on ${type.name}`);
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)) && !field.args.some((a) => isNonNullType(a.type)));
    const count = 1 + this.draw(fc.nat, 2);
    for (let i = 0; i < count; i += 1) {
      const candidates = depth < this.maxDepth ? fields : leaves;
      const field = this.pick(candidates.length > 0 ? candidates : leaves);
      // A name used before gets a fresh alias: fragments merge sets, and two fields of one response name must agree.
      const alias = this.responseNames.has(field.name) || this.chance(10) ? `a${this.responseNames.size}` : null;
      this.responseNames.add(alias ?? field.name);
      parts.push(this.field(field, depth, alias));
    }
    if (this.fragments.length < MAX_FRAGMENTS && this.chance(10) && depth < this.maxDepth) {
      const index = this.fragments.push('') - 1; // its name is taken before its body can add fragments
      this.fragments[index] = `fragment F${index} on ${type.name} ${this.selection(type, depth)}`;
      parts.push(`...F${index}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /** Aliases of text lookups at the root: a storm when there are more than the server allows. */
  private textLookupAliases(): string[] {
    const max = this.options.maxTextLookupAliases ?? 0;
    if (max === 0 || !this.chance(30)) return [];
    const count = 1 + this.draw(fc.nat, max - 1);
    return Array.from({ length: count }, (_, i) => {
      const text = this.pick(LOOKUP_TEXTS);
      const value = this.chance(50) ? this.variable('String!', text) : JSON.stringify(text);
      this.textLookups += 1;
      return `t${i}: ${this.pick(TEXT_LOOKUP_FIELDS)(value)}`;
    });
  }

  operation(): GeneratedOperation {
    const lookups = this.textLookupAliases();
    const root = this.selection(this.schema.getQueryType()!, 1);
    const header = this.definitions.length > 0 ? `query Generated(${this.definitions.join(', ')}) ` : 'query Generated ';
    const query = print(parse([header + root.replace(/^\{/, `{ ${lookups.join(' ')}`), ...this.fragments].join('\n')));
    return { query, variables: this.variables, textLookups: this.textLookups };
  }
}

function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null) return 'null';
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  if (Array.isArray(value) && isListType(nullable)) return `[${value.map((item) => literal(item, nullable.ofType)).join(', ')}]`;
  if (isEnumType(named)) return String(value);
  if (isInputObjectType(named)) {
    const fields = named.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}: ${literal(item, fields[key].type)}`).join(', ')} }`;
  }
  if (isScalarType(named) && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return JSON.stringify(value);
}

/** Whether a field given these argument values looks text up, as the server decides it (src/graphql/limits.ts). */
function looksUpText(args: Record<string, unknown>): boolean {
  return Object.entries(args).some(([name, value]) => {
    if (name === 'text') return typeof value === 'string';
    if (name === 'entity') return typeof value === 'string' && kindOfId(value) === null;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Record<string, unknown>).text === 'string';
  });
}

/** A random valid query operation of the schema, nesting at most maxDepth levels, drawn with fast-check's `gen`. */
export function generateOperation(schema: GraphQLSchema, draw: Draw, maxDepth: number, options: GenerateOptions = {}): GeneratedOperation {
  return new Builder(schema, draw, maxDepth, options).operation();
}

const manyKeys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i.toString(36)}`, i]));
const nested = (value: unknown, depth: number): unknown => (depth === 0 ? value : [nested(value, depth - 1)]);

/**
 * Ways to get a variable's value wrong, from the small to the hostile: unknown keys (up to the
 * 12,000 of the issue), wrong types, lists far longer or deeper than any input, keys of Object.prototype.
 */
const CORRUPTIONS: { label: string; corrupt: (value: unknown) => unknown }[] = [
  { label: 'an unknown key', corrupt: (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, notAField: 1 } : { notAField: 1 }) },
  { label: '100 unknown keys', corrupt: () => manyKeys(100) },
  { label: '9,000 unknown keys', corrupt: () => manyKeys(9_000) },
  { label: '12,000 unknown keys', corrupt: () => manyKeys(12_000) },
  { label: 'a __proto__ key', corrupt: () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') },
  { label: 'a number', corrupt: () => 123456789012 },
  { label: 'a boolean', corrupt: () => true },
  { label: 'an empty object', corrupt: () => ({}) },
  { label: 'null', corrupt: () => null },
  { label: 'a 50 KB string', corrupt: () => 'x'.repeat(50_000) },
  { label: 'the value in a list of 5,000', corrupt: (value) => Array.from({ length: 5_000 }, () => value) },
  { label: '5,000 objects of unknown keys', corrupt: () => Array.from({ length: 5_000 }, (_, i) => ({ [`k${i}`]: i })) },
  { label: 'the value 30 lists deep', corrupt: (value) => nested(value, 30) },
  { label: 'a list 3,000 deep', corrupt: () => nested(1, 3_000) },
];

/** A generated operation with one of its variables (or one it does not declare) made wrong; what was done is in `corruption`. */
export function generateMalformedOperation(schema: GraphQLSchema, draw: Draw, maxDepth: number): GeneratedOperation & { corruption: string } {
  const operation = generateOperation(schema, draw, maxDepth, { variablePercent: 100 });
  const names = Object.keys(operation.variables);
  const { label, corrupt } = CORRUPTIONS[draw(fc.nat, CORRUPTIONS.length - 1)];
  const name = names.length > 0 ? names[draw(fc.nat, names.length - 1)] : 'undeclared';
  return { ...operation, variables: { ...operation.variables, [name]: corrupt(operation.variables[name]) }, corruption: `${label} for $${name}` };
}

/** fast-check's report of a failed property with the error it caught, which the report alone leaves out. */
export function failureReport<T>(details: fc.RunDetails<T>): string {
  return `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`;
}

/** The errors of a response that a client could not act on: no code, or INTERNAL_SERVER_ERROR. */
export function uncodedErrors(errors: { extensions?: { code?: unknown } }[] = []) {
  return errors.filter((error) => error.extensions?.code === undefined || error.extensions.code === 'INTERNAL_SERVER_ERROR');
}
