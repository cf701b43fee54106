import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ implements: Node, description: 'Where a fact comes from: a Federal Register document, a press release, an article.' })
export class Source extends Node {
  @Field({ description: 'Title of the document.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it.' })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'What kind of source: FEDERAL_REGISTER, PRESS_RELEASE, ARTICLE, DECISION, ...' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'What to keep in mind when relying on it, e.g. known errors.' })
  note?: string | null;
}
