import { nameOf, query } from './api';
import { entityLink, h, inlineLabel, sourceList } from './dom';

const RULE_REF = 'id title shortName';

/** Asked apart from the rest: `ending` is newer than the contract's first version, and a server without it refuses the field. */
const ENDING = `query Ending($id: ID!) { rule(id: $id) { ending { on kind note by { ${RULE_REF} } sources { id title url publisher publishedOn kind note } } } }`;

interface RuleRef {
  id: string;
  title: string;
  shortName: string | null;
}

/** The sentence's verb for each EndingKind but NON_ENFORCEMENT. */
const ENDED: Record<string, string> = { EXPIRED: 'Expired', FORMAL_RESCISSION: 'Rescinded', SUPERSEDED: 'Superseded', VACATED: 'Vacated' };

/** How a rule ended: `ending` when the server has it, otherwise what revokedOn and revokedBy say. */
export async function endingOf(rule: RuleRef & { revokedOn: string | null; revokedBy: RuleRef[] }): Promise<HTMLElement> {
  let ending: { on: string; kind: string; note: string | null; by: RuleRef | null; sources: Parameters<typeof sourceList>[0] } | null;
  try {
    ending = (await query<{ rule: { ending: typeof ending } }>(ENDING, { id: rule.id })).rule.ending;
  } catch {
    if (!rule.revokedOn) return h('p', { id: 'rule-ending' }, 'It has not ended.');
    return h('p', { id: 'rule-ending' }, `Ended on ${rule.revokedOn}`, ...rule.revokedBy.flatMap((other, index) => [index ? ', ' : ' by ', entityLink(other.id, nameOf(other))]), '.');
  }
  if (!ending) return h('p', { id: 'rule-ending' }, 'It has not ended.');
  const by = ending.by ? [' by ', entityLink(ending.by.id, nameOf(ending.by))] : [];
  // Non-enforcement is not a revocation: nothing was published that takes the rule out of the CFR.
  const sentence =
    ending.kind === 'NON_ENFORCEMENT'
      ? h('p', null, 'Not enforced since ', h('span', { class: 'date' }, ending.on), ' (no rescission published; its text remains in 15 CFR)', ending.by ? '; announced' : null, ...by, '.')
      : h('p', null, `${ENDED[ending.kind] ?? `Ended (${inlineLabel(ending.kind)})`} on `, h('span', { class: 'date' }, ending.on), ...by, '.');
  return h('div', { id: 'rule-ending', 'data-kind': ending.kind }, sentence, ending.note && h('p', null, ending.note), sourceList(ending.sources));
}
