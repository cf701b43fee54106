import { VERSION_DESCRIPTION } from '../node/version';
import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Entity } from '../node/entity.type';

@ObjectType({ implements: Node, description: 'Where a fact comes from: a Federal Register document, a press release, an article.' })
export class Source extends Node {
  @Field(() => Int, { description: VERSION_DESCRIPTION })
  version!: number;

  @Field({ description: 'Title of the document.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it.' })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'What kind of source it is, e.g. FEDERAL_REGISTER, PRESS_RELEASE, DECISION, COMPANY_FILING, LAW_FIRM_SUMMARY, NEWS_REPORT.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'What to keep in mind when relying on it, e.g. known errors.' })
  note?: string | null;
}

@ObjectType({ description: 'A fact that cites a source: its subject, the relationship, and the other end when there is one.' })
export class SupportedFact {
  @Field(() => Entity, { description: 'What the fact is about: the node citing the source, or the start of the relationship.' })
  subject!: typeof Entity;

  @Field({
    description:
      "The stored relationship, e.g. 'IN_TIER', 'RESTRICTS', 'CLASSIFIED_AS', 'ISSUED_BY', 'HOLDS_OFFICE'; 'LISTED_ON' for a listing; 'PERFORMANCE' for a product's figures; 'ENDING' for how a rule ended; or 'PROPERTY' for a node's own properties.",
  })
  relation!: string;

  @Field(() => Entity, { nullable: true, description: "The other end: the relationship's end (a listing's party for ADDS_LISTING and REMOVES_LISTING); null for a node's own facts and for listings." })
  object?: typeof Entity | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day the fact holds, for a dated fact.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; null while it holds or for an undated fact.' })
  validTo?: unknown;

  @Field({ description: 'True when no other source supports the same fact.' })
  onlySource!: boolean;

  @Field({ description: 'Opaque cursor of this fact; pass it as `after` to continue after it.' })
  cursor!: string;
}

export const SourceConnection = connectionType(Source, 'Source');
