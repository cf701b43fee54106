import { Field, Float, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type';

@ObjectType({ description: 'One search result with its relevance.' })
export class SearchHit {
  @Field(() => Entity, { description: 'What was found.' })
  entity!: typeof Entity;

  @Field(() => Float, { description: 'Relevance; higher is better. Only comparable within one search.' })
  score!: number;
}
