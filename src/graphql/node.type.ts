import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { resolveTypeById } from './entity';

@InterfaceType({
  description: "Anything with a stable, globally unique id, such as 'country:SG' or 'rule:ai-diffusion'.",
  resolveType: resolveTypeById,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id: the type, a colon, and a slug.' })
  id!: string;
}

@ObjectType({ description: 'Where a page of a list ends, and whether more follows.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}
