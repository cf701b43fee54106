import { getNamedType, getNullableType, isLeafType, isListType, isObjectType } from 'graphql';
import { LIST_CAPS } from '../../src/read/caps';
import { createSchema } from '../../src/graphql/schema';

describe('the list caps table', () => {
  it('has an entry for every field that returns a list of objects, and none for a field that does not', async () => {
    const schema = await createSchema();
    const lists = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) => Object.values(type.getFields())
        .filter((field) => isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type)))
        .map((field) => `${type.name}.${field.name}`));
    expect(lists.length).toBeGreaterThan(20);
    expect(Object.keys(LIST_CAPS).sort()).toEqual(lists.sort());
  });

  it('is stated in the description of every list field', async () => {
    const schema = await createSchema();
    for (const [name, cap] of Object.entries(LIST_CAPS)) {
      const [typeName, fieldName] = name.split('.');
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const description = type.getFields()[fieldName].description ?? '';
      expect(description).toMatch(cap === 'page' ? /Cost: the rows of the page/ : new RegExp(`Cost: .*${cap}`));
    }
  });
});
