import { nameOf, query } from './api';
import { entityLink, h, sourceList } from './dom';

const RULE_REF = 'id title shortName';

/** Asked apart from the rest: `ending` is newer than the contract's first version, and a server without it refuses the field. */
const ENDING = `query Ending($id: ID!) { rule(id: $id) { ending { on kind note by { ${RULE_REF} } sources { title url publisher publishedOn } } } }`;

interface RuleRef {
  id: string;
  title: string;
  shortName: string | null;
}

/** How a rule ended: `ending` when the server has it, otherwise what revokedOn and revokedBy say. */
export async function endingOf(rule: RuleRef & { revokedOn: string | null; revokedBy: RuleRef[] }): Promise<HTMLElement> {
  let ending: { on: string; kind: string; note: string | null; by: RuleRef | null; sources: Parameters<typeof sourceList>[0] } | null;
  try {
    ending = (await query<{ rule: { ending: typeof ending } }>(ENDING, { id: rule.id })).rule.ending;
  } catch {
    if (!rule.revokedOn) return h('p', { id: 'rule-ending' }, 'It has not ended.');
    return h('p', { id: 'rule-ending' }, `Revoked on ${rule.revokedOn}`, ...rule.revokedBy.flatMap((other, index) => [index ? ', ' : ' by ', entityLink(other.id, nameOf(other))]), '.');
  }
  if (!ending) return h('p', { id: 'rule-ending' }, 'It has not ended.');
  return h(
    'div',
    { id: 'rule-ending' },
    h('p', null, `Ended (${ending.kind.replace(/_/g, ' ').toLowerCase()}) on ${ending.on}`, ending.by ? [' by ', entityLink(ending.by.id, nameOf(ending.by))] : null, '.'),
    ending.note && h('p', null, ending.note),
    sourceList(ending.sources),
  );
}
