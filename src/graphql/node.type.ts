import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

@InterfaceType({
  description: "Anything with a stable, globally unique id, such as 'country:SG' or 'rule:ai-diffusion'.",
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id: the type, a colon, and a slug.' })
  id!: string;
}

@ObjectType({ description: 'Relay cursor-connection page info (all four fields, as the Relay spec asks).' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field({ description: 'With first/after, true when items precede this page (the Relay spec lets a server answer false where that is costly to know).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}
