import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';

/** One country-group membership, as assignCountryGroup returns it after writing it. */
export const groupMembership = (code: string, groupId: string, validFrom: unknown) => (selection: Selection, compiler: Compiler) => {
  const country = new Cypher.Node();
  const group = new Cypher.Node();
  const rel = new Cypher.Relationship();
  return new Cypher.Match(
    new Cypher.Pattern(country, { labels: ['Country'], properties: { code: new Cypher.Param(code) } })
      .related(rel, { type: 'IN_GROUP', properties: { validFrom: new Cypher.Param(validFrom) } })
      .to(group, { labels: ['CountryGroup'], properties: { id: new Cypher.Param(groupId) } }),
  )
    .return([compiler.object('CountryGroupMembership', selection, { country, group, rel }), VALUE])
    .limit(new Cypher.Literal(1));
};
