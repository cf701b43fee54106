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
