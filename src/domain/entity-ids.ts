import { slugify } from 'transliteration';
import { InputRefused } from '../input-refused';

/**
 * An entity id from a name, as upsertRule makes one from a title: other scripts transliterated to
 * Latin letters, lower case, hyphens between words ("Test Lab" gives company:test-lab); null when no
 * letter or digit is left.
 */
export function idFromName(prefix: string, name: string): string | null {
  const slug = slugify(name, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return slug ? `${prefix}:${slug}` : null;
}

/** The id an upsert writes: the input's own, or the one its name gives; refused when the name gives none. */
export function upsertIdOf(prefix: string, id: string | null | undefined, name: string, nameField: string): string {
  const written = id ?? idFromName(prefix, name);
  if (!written) throw new InputRefused(`The ${nameField} has no letter or digit to make an id from; give input.id.`, `input.${nameField}`);
  return written;
}

/** The optional fields an input gives (present, even as null), for `SET n += $set`. */
export function givenFields(input: object, fields: readonly string[]): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) given[field] = value;
  }
  return given;
}

/** The given fields of a named entity's upsert; `aliases: null` reads as none (name keys are built from them). */
export function namedFieldsToSet(input: object, fields: readonly string[]): Record<string, unknown> {
  const set = givenFields(input, fields);
  if ('aliases' in set && set.aliases === null) set.aliases = [];
  return set;
}

/** The id of a listing: listing:<party slug>-<list>-<validFrom>, e.g. listing:huawei-entity-list-2019-05-16. */
export const listingId = (partyId: string, list: string, validFrom: string) =>
  `listing:${partyId.slice(partyId.indexOf(':') + 1)}-${list.toLowerCase().replace(/_/g, '-')}-${validFrom}`;
