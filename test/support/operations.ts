import fc from 'fast-check';
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
}

class Builder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];
  private readonly fragments: string[] = [];
  private readonly responseNames = new Set<string>();

  constructor(private readonly schema: GraphQLSchema, private readonly draw: Draw, private readonly maxDepth: number) {}

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

  /** An argument as a literal or as a variable; optional ones sometimes null, sometimes left out. */
  private argument(fieldName: string, argument: GraphQLArgument): string | null {
    const required = isNonNullType(argument.type);
    if (!required && this.chance(50)) return null;
    const value = !required && this.chance(25) ? null : this.valueFor(argument.name, argument.type, fieldName);
    if (this.chance(40)) {
      const name = `v${this.definitions.length}`;
      this.definitions.push(`$${name}: ${String(argument.type)}`);
      this.variables[name] = value;
      return `${argument.name}: $${name}`;
    }
    return `${argument.name}: ${literal(value, argument.type)}`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, alias: string | null): string {
    const args = field.args.map((argument) => this.argument(field.name, argument)).filter((text): text is string => text !== null);
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

  operation(): GeneratedOperation {
    const root = this.selection(this.schema.getQueryType()!, 1);
    const header = this.definitions.length > 0 ? `query Generated(${this.definitions.join(', ')}) ` : 'query Generated ';
    const query = print(parse([header + root, ...this.fragments].join('\n')));
    return { query, variables: this.variables };
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

/** A random valid query operation of the schema, nesting at most maxDepth levels, drawn with fast-check's `gen`. */
export function generateOperation(schema: GraphQLSchema, draw: Draw, maxDepth: number): GeneratedOperation {
  return new Builder(schema, draw, maxDepth).operation();
}
