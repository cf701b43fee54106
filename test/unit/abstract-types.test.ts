import { GraphQLResolveInfo, isAbstractType } from 'graphql';
import { createSchema } from '../../src/graphql/schema';

describe('abstract types (Entity, Node and the like)', () => {
  it('resolve a stored value to its type at once, without a promise per value', async () => {
    const schema = await createSchema();
    const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType);
    expect(abstract.map((type) => type.name)).toEqual(expect.arrayContaining(['Entity', 'Node']));
    for (const type of abstract) {
      const member = schema.getPossibleTypes(type)[0];
      const resolved = type.resolveType!({ __typename: member.name }, {}, {} as GraphQLResolveInfo, type);
      expect({ type: type.name, resolved }).toEqual({ type: type.name, resolved: member.name });
    }
  });

  it('refuse a value stored without its __typename', async () => {
    const entity = (await createSchema()).getType('Entity');
    if (!isAbstractType(entity)) throw new Error('Entity is not abstract');
    let outcome: unknown;
    try {
      outcome = entity.resolveType!({}, {}, {} as GraphQLResolveInfo, entity);
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof Promise) outcome.catch(() => undefined);
    expect(String(outcome)).toMatch(/without its __typename/);
  });
});
