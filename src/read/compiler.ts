import Cypher from '@neo4j/cypher-builder';
import { getNamedType, GraphQLSchema, isAbstractType, isListType, isNonNullType, isObjectType } from 'graphql';
import { fieldsOn, Selection } from './plan';

/**
 * The Cypher variables an object is read from: `node` for an entity, or named parts (`rel`,
 * `country`, `tier`, ...) for objects that stand for a relationship and its ends.
 */
export type Scope = Readonly<Record<string, Cypher.Variable>>;

/** Turns one selected field of an object into the Cypher expression of its value. */
export type FieldReader = (field: Selection, scope: Scope, compiler: Compiler) => Cypher.Expr;

/** How every field of one GraphQL object type is read; `label` for types that are nodes. */
export interface ObjectReader {
  label?: string;
  fields: Record<string, FieldReader>;
}

/** Every object type the API returns, by GraphQL type name. */
export type ReadModel = Record<string, ObjectReader>;

/** A reader that exists for the type but not for one of its fields: a programming error, found by the translation tests. */
export class UnreadableFieldError extends Error {}

/**
 * Compiles a selection into one Cypher expression that builds exactly the requested tree, keyed
 * by response key (alias), so nested fields resolve by reading a property. Abstract types
 * (Node, Entity) become a CASE over labels that also carries `__typename`.
 */
export class Compiler {
  constructor(
    readonly schema: GraphQLSchema,
    private readonly model: ReadModel,
  ) {}

  /** A map of the fields selected on an object of `typeName`, read from `scope`. */
  object(typeName: string, selection: Selection, scope: Scope): Cypher.Map {
    const reader = this.model[typeName];
    if (!reader) throw new UnreadableFieldError(`No reader for type ${typeName}`);
    const projection = new Cypher.Map();
    for (const [key, field] of Object.entries(fieldsOn(selection, typeName, this.schema))) {
      if (field.name === '__typename') continue;
      const read = reader.fields[field.name];
      if (!read) throw new UnreadableFieldError(`No reader for ${typeName}.${field.name}`);
      projection.set(key, this.isDate(typeName, field.name) ? Cypher.toString(read(field, scope, this)) : read(field, scope, this));
    }
    return projection;
  }

  /**
   * Dates leave Neo4j as their ISO text, which the Date scalar sends as it is: the driver decodes
   * a Bolt date into a Date object only for the scalar to print it again, about 2 µs a value.
   * Lists of dates are left alone (none is read through the compiler).
   */
  private isDate(typeName: string, fieldName: string): boolean {
    const type = this.schema.getType(typeName);
    if (!isObjectType(type)) return false;
    const fieldType = type.getFields()[fieldName]?.type;
    if (!fieldType) return false;
    const inner = isNonNullType(fieldType) ? fieldType.ofType : fieldType;
    return !isListType(inner) && getNamedType(inner).name === 'Date';
  }

  /** An entity node projected as `typeName`, or as whichever member of an abstract type its label says. */
  node(typeName: string, selection: Selection, node: Cypher.Variable): Cypher.Expr {
    const type = this.schema.getType(typeName);
    if (!isAbstractType(type)) return this.object(typeName, selection, { node });
    const byLabel = new Cypher.Case();
    for (const member of this.schema.getPossibleTypes(type)) {
      const label = this.model[member.name]?.label;
      if (!label) continue;
      const projection = this.object(member.name, selection, { node });
      projection.set('__typename', new Cypher.Literal(member.name));
      byLabel.when(Cypher.in(new Cypher.Literal(label), Cypher.labels(node))).then(projection);
    }
    return byLabel;
  }

  /** A node that may be null (an optional match): null stays null instead of becoming a map of nulls. */
  optionalNode(typeName: string, selection: Selection, node: Cypher.Variable): Cypher.Expr {
    return new Cypher.Case().when(Cypher.isNull(node)).then(Cypher.Null).else(this.node(typeName, selection, node));
  }
}
