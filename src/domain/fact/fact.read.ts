import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';

/** One end of a stored fact: the node with `key` = `value`, named `scope` for the answer's readers. */
export interface FactEnd {
  label: string;
  key: string;
  value: unknown;
  scope: string;
}

/** `property` of `rel` equals `value`, a null value matching only a missing property. */
export const relEquals = (rel: Cypher.Relationship, property: string, value: unknown): Cypher.Predicate =>
  value === null || value === undefined ? Cypher.isNull(rel.property(property)) : Cypher.eq(rel.property(property), new Cypher.Param(value));

/**
 * One fact stored as a relationship, as the mutation that wrote it returns it: `from`-[type]->`to`
 * whose properties equal `keys` (e.g. its validFrom). The answer's readers find the relationship as
 * `rel` and the ends under their scopes.
 */
export const oneFact = (typeName: string, from: FactEnd, type: string, keys: Record<string, unknown>, to: FactEnd) =>
  (selection: Selection, compiler: Compiler) => {
    const start = new Cypher.Node();
    const end = new Cypher.Node();
    const rel = new Cypher.Relationship();
    return new Cypher.Match(
      new Cypher.Pattern(start, { labels: [from.label], properties: { [from.key]: new Cypher.Param(from.value) } })
        .related(rel, { type })
        .to(end, { labels: [to.label], properties: { [to.key]: new Cypher.Param(to.value) } }),
    )
      .where(Cypher.and(...Object.entries(keys).map(([property, value]) => relEquals(rel, property, value))))
      .return([compiler.object(typeName, selection, { [from.scope]: start, rel, [to.scope]: end }), VALUE])
      .limit(new Cypher.Literal(1));
  };
