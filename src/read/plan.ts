import { GraphQLResolveInfo, GraphQLSchema, isObjectType, isUnionType } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

/**
 * A field as the client selected it: response key (alias), arguments with variables and defaults
 * applied, and its sub-selections per type condition. `@skip`/`@include` are already applied.
 */
export type Selection = ResolveTree;

/** The root field's selection tree, fragments and variables resolved. */
export function planOf(info: GraphQLResolveInfo): Selection {
  const tree = parseResolveInfo(info) as Selection | null;
  if (!tree) throw new Error(`Cannot read the selection of ${info.fieldName}`);
  return tree;
}

/**
 * The fields selected on an object of `typeName`: those under its own name plus those under
 * fragments on an interface it implements or a union it belongs to. Two selections under one
 * response key are merged, as GraphQL's field merging does.
 */
export function fieldsOn(selection: Selection, typeName: string, schema: GraphQLSchema): Record<string, Selection> {
  const type = schema.getType(typeName);
  const merged: Record<string, Selection> = {};
  for (const [condition, fields] of Object.entries(selection.fieldsByTypeName)) {
    if (!appliesTo(condition, typeName, schema, type)) continue;
    for (const [key, field] of Object.entries(fields)) merged[key] = merged[key] ? mergeSelections(merged[key], field) : field;
  }
  return merged;
}

function appliesTo(condition: string, typeName: string, schema: GraphQLSchema, type: ReturnType<GraphQLSchema['getType']>): boolean {
  if (condition === typeName) return true;
  if (!isObjectType(type)) return false;
  if (type.getInterfaces().some((each) => each.name === condition)) return true;
  const conditionType = schema.getType(condition);
  return isUnionType(conditionType) && conditionType.getTypes().some((each) => each.name === typeName);
}

function mergeSelections(a: Selection, b: Selection): Selection {
  const fieldsByTypeName: Selection['fieldsByTypeName'] = { ...a.fieldsByTypeName };
  for (const [condition, fields] of Object.entries(b.fieldsByTypeName)) {
    const into = { ...(fieldsByTypeName[condition] ?? {}) };
    for (const [key, field] of Object.entries(fields)) into[key] = into[key] ? mergeSelections(into[key], field) : field;
    fieldsByTypeName[condition] = into;
  }
  return { ...a, fieldsByTypeName };
}
