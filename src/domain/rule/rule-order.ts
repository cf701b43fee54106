import Cypher from '@neo4j/cypher-builder';
import { registerEnumType } from 'type-graphql';
import { InputRefused } from '../../input-refused';

export enum RuleOrder {
  ID = 'ID',
  ISSUED_ON_ASC = 'ISSUED_ON_ASC',
  ISSUED_ON_DESC = 'ISSUED_ON_DESC',
  EFFECTIVE_ON_ASC = 'EFFECTIVE_ON_ASC',
  EFFECTIVE_ON_DESC = 'EFFECTIVE_ON_DESC',
}
registerEnumType(RuleOrder, {
  name: 'RuleOrder',
  description: 'The order of a list of rules. Dated orders put rules without the date last and break ties by id; a cursor is valid only with the order that issued it.',
  valuesConfig: {
    ID: { description: 'By id.' },
    ISSUED_ON_ASC: { description: 'Oldest issued first.' },
    ISSUED_ON_DESC: { description: 'Newest issued first.' },
    EFFECTIVE_ON_ASC: { description: 'Earliest effective first.' },
    EFFECTIVE_ON_DESC: { description: 'Latest effective first.' },
  },
});

const DATED: Record<Exclude<RuleOrder, RuleOrder.ID>, { property: string; direction: 'ASC' | 'DESC' }> = {
  ISSUED_ON_ASC: { property: 'issuedOn', direction: 'ASC' },
  ISSUED_ON_DESC: { property: 'issuedOn', direction: 'DESC' },
  EFFECTIVE_ON_ASC: { property: 'effectiveOn', direction: 'ASC' },
  EFFECTIVE_ON_DESC: { property: 'effectiveOn', direction: 'DESC' },
};

/** The sort key of a dated order as a cursor holds it: "<order>|<date or empty>|<rule id>" (cursor.ts's ruleDated). */
const DATED_KEY = /^(ISSUED_ON_ASC|ISSUED_ON_DESC|EFFECTIVE_ON_ASC|EFFECTIVE_ON_DESC)\|(\d{4}-\d{2}-\d{2})?\|(rule:[a-z0-9][a-z0-9.-]*)$/;

/** How one order pages: sort keys, the keyset condition after a cursor, and the cursor's parts. */
export interface RuleKeyset {
  orderBy(rule: Cypher.Variable): [Cypher.Expr, 'ASC' | 'DESC'][];
  after(rule: Cypher.Variable): Cypher.Predicate;
  cursor(rule: Cypher.Variable): Cypher.Expr;
}

/**
 * Keyset paging on (date, id) with rules without the date last: after a cursor (d, id) come the rules with a
 * date beyond d, or d and a greater id, then every rule without the date; after (none, id) only rules
 * without the date and a greater id. `after` is the decoded sort key of the cursor (already checked to
 * be of this list); a cursor another order issued is refused naming `after`.
 */
export function ruleKeyset(order: RuleOrder, after: string | null): RuleKeyset {
  if (order === RuleOrder.ID) {
    return {
      orderBy: (rule) => [[rule.property('id'), 'ASC']],
      after: (rule) => Cypher.gt(rule.property('id'), new Cypher.Param(after)),
      cursor: (rule) => rule.property('id'),
    };
  }
  const { property, direction } = DATED[order];
  let day: string | undefined;
  let id: string | undefined;
  if (after !== null) {
    const parts = DATED_KEY.exec(after);
    if (!parts || parts[1] !== order) throw new InputRefused(`Argument "after" is a cursor of another order than ${order}: ask again from the first page.`, 'after');
    day = parts[2];
    id = parts[3];
  }
  const beyond = direction === 'ASC' ? Cypher.gt : Cypher.lt;
  return {
    orderBy: (rule) => [
      [Cypher.isNull(rule.property(property)), 'ASC'],
      [rule.property(property), direction],
      [rule.property('id'), 'ASC'],
    ],
    after: (rule) => {
      const value = rule.property(property);
      const laterId = Cypher.gt(rule.property('id'), new Cypher.Param(id));
      if (!day) return Cypher.and(Cypher.isNull(value), laterId)!;
      const cursorDay = Cypher.date(new Cypher.Param(day));
      return Cypher.or(
        Cypher.isNull(value),
        beyond(value, cursorDay),
        Cypher.and(Cypher.eq(value, cursorDay), laterId),
      )!;
    },
    cursor: (rule) => new Cypher.List([new Cypher.Literal(order), Cypher.coalesce(Cypher.toString(rule.property(property)), new Cypher.Literal('')), rule.property('id')]),
  };
}
