import { VERSION_DESCRIPTION } from '../node/version';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Agency, OfficialAction } from '../agency/agency.type';
import { Eccn } from '../eccn/eccn.type';
import { Listing } from '../listing/listing.type';
import { Source } from '../source/source.type';
import { Tier } from '../tier/tier.type';
import { RuleEnding } from './rule-ending.type';
import { RuleStatusPeriod } from './status.type';
import { Touch } from './touch.type';

export enum RuleKind {
  INTERIM_FINAL_RULE = 'INTERIM_FINAL_RULE',
  FINAL_RULE = 'FINAL_RULE',
  PROPOSED_RULE = 'PROPOSED_RULE',
  RESCISSION = 'RESCISSION',
  GUIDANCE = 'GUIDANCE',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  ENTITY_LIST_ACTION = 'ENTITY_LIST_ACTION',
}
registerEnumType(RuleKind, {
  name: 'RuleKind',
  description: 'What sort of instrument a rule is.',
  valuesConfig: {
    INTERIM_FINAL_RULE: { description: 'A Federal Register rule in force before public comments are answered.' },
    FINAL_RULE: { description: 'A Federal Register rule in its final form.' },
    PROPOSED_RULE: { description: 'A rule proposed for comment, not yet in force.' },
    RESCISSION: { description: 'An instrument that revokes another rule.' },
    GUIDANCE: { description: 'Agency guidance on how existing rules apply.' },
    ANNOUNCEMENT: { description: 'A public announcement of policy, such as a press release or a letter to companies.' },
    ENTITY_LIST_ACTION: { description: 'Additions to, or changes of, the Entity List.' },
  },
});

export enum RuleStatus {
  PENDING = 'PENDING',
  IN_FORCE = 'IN_FORCE',
  NOT_ENFORCED = 'NOT_ENFORCED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(RuleStatus, {
  name: 'RuleStatus',
  description: 'PENDING before it takes effect, IN_FORCE from then (SUSPENDED while a later instrument suspends it), NOT_ENFORCED or REVOKED from the day it stopped applying.',
  valuesConfig: {
    PENDING: { description: 'Not yet in effect on the day asked about.' },
    IN_FORCE: { description: 'In effect on the day asked about.' },
    NOT_ENFORCED: {
      description: 'Still on the books, but the issuing agency has announced that it will not enforce it (for example while a formal rescission is pending).',
    },
    SUSPENDED: {
      description: 'Published as suspended for a period by a later instrument (see Rule.statusHistory); it applies again when the period ends unless extended.',
    },
    REVOKED: { description: 'Ended on or before the day asked about, by a rescission, a later rule, its own end date or a court.' },
  },
});

@ObjectType({ implements: Node, description: 'A rule, guidance or other policy instrument.' })
export class Rule extends Node {
  @Field(() => Int, { description: VERSION_DESCRIPTION })
  version!: number;

  @Field({ description: 'Official title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The name people use, e.g. "AI Diffusion Rule".' })
  shortName?: string | null;

  @Field(() => [String], { description: 'Other names it goes by.' })
  aliases!: string[];

  @Field(() => RuleKind, { description: 'What sort of instrument it is.' })
  kind!: RuleKind;

  @Field(() => String, { nullable: true, description: "Federal Register citation, e.g. '90 FR 4544'." })
  citation?: string | null;

  @Field(() => String, { nullable: true, description: "Federal Register document number, e.g. '2025-00636'." })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Regulation Identifier Number, e.g. '0694-AJ90'." })
  rin?: string | null;

  @Field(() => [String], { description: "CFR parts the rule amends, e.g. ['15 CFR 740', '15 CFR 744']." })
  cfrParts!: string[];

  @Field(() => String, { nullable: true, description: 'What it does, in a few sentences.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats: disputed dates, unconfirmed facts, what secondary sources got wrong.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'The US administration that issued it.' })
  administration?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was issued or announced.' })
  issuedOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published in the Federal Register.' })
  publishedOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When it took effect.' })
  effectiveOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When compliance became mandatory.' })
  complianceOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'The day the rule stopped applying, however it ended (see ending).' })
  revokedOn?: unknown;

  @Field(() => [RuleStatusPeriod], { description: 'Every status the rule has had, oldest first (suspensions included).' })
  statusHistory!: RuleStatusPeriod[];

  @Field(() => RuleEnding, { nullable: true, description: 'How the rule stopped applying; null while it applies.' })
  ending?: RuleEnding | null;

  @Field(() => [Agency], { description: 'Who issued it.' })
  issuedBy!: Agency[];

  @Field(() => [Tier], { description: 'The tiers it defines, least restricted first.' })
  tiers!: Tier[];

  @Field(() => [Touch], { description: 'What this rule targets, directly.' })
  touches!: Touch[];

  @Field(() => [Rule], { description: 'Rules this one revoked.' })
  revokes!: Rule[];

  @Field(() => [Rule], { description: 'Rules that revoked this one.' })
  revokedBy!: Rule[];

  @Field(() => [Rule], { description: 'Rules this one amended.' })
  amends!: Rule[];

  @Field(() => [Rule], { description: 'Rules that amended this one.' })
  amendedBy!: Rule[];

  @Field(() => [Rule], { description: 'Rules this one superseded.' })
  supersedes!: Rule[];

  @Field(() => [Rule], { description: 'Rules that superseded this one.' })
  supersededBy!: Rule[];

  @Field(() => [Rule], { description: 'Rules this one implements.' })
  implements!: Rule[];

  @Field(() => [Rule], { description: 'Rules that implement this one.' })
  implementedBy!: Rule[];

  @Field(() => [OfficialAction], { description: 'Officials who signed, announced or gave instructions about this rule.' })
  officialActions!: OfficialAction[];

  @Field(() => [Source], { description: 'Where the facts about this rule come from.' })
  sources!: Source[];

  @Field(() => [Eccn], { description: 'ECCNs the rule created or changed, by code.' })
  eccns!: Eccn[];

  @Field(() => [Listing], { description: 'Listings the rule added, changed or removed, oldest first.' })
  listings!: Listing[];
}

export const RuleConnection = connectionType(Rule, 'Rule');
