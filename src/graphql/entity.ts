import { GraphQLError } from 'graphql';
import { badUserInput } from './errors';

/** Id prefixes and the GraphQL type each names. Ids are `<prefix>:<slug>`. */
export const TYPE_BY_PREFIX = {
  country: 'Country',
  tier: 'Tier',
  rule: 'Rule',
  agency: 'Agency',
  official: 'Official',
  chipProduct: 'ChipProduct',
  company: 'Company',
  source: 'Source',
} as const;

export type IdPrefix = keyof typeof TYPE_BY_PREFIX;
export type TypeName = (typeof TYPE_BY_PREFIX)[IdPrefix];

const ID_PATTERN = /^([a-zA-Z]+):([A-Za-z0-9][A-Za-z0-9.-]*)$/;

/** The type an id names, or null when it is not one of ours. */
export function typeOfId(id: string): TypeName | null {
  const match = ID_PATTERN.exec(id);
  // Own keys only: `in` would take inherited ones such as "constructor" for a prefix.
  if (!match || !Object.hasOwn(TYPE_BY_PREFIX, match[1])) return null;
  return TYPE_BY_PREFIX[match[1] as IdPrefix];
}

/** For interface and union resolution: every object the API returns carries its id. */
export function resolveTypeById(value: { id?: string }): TypeName {
  const type = value.id ? typeOfId(value.id) : null;
  if (!type) throw new GraphQLError(`Cannot tell the type of ${JSON.stringify(value.id)}`);
  return type;
}

/** Checks that an id argument names the expected type, or fails with BAD_USER_INPUT naming the argument. */
export function expectIdOf(prefix: IdPrefix, id: string, argumentName: string): void {
  if (typeOfId(id) !== TYPE_BY_PREFIX[prefix]) {
    throw badUserInput(`Argument "${argumentName}" must be a ${TYPE_BY_PREFIX[prefix]} id like "${prefix}:slug"; got ${JSON.stringify(id)}.`, argumentName);
  }
}
