import { DateTimeScalar, JsonObjectScalar } from '../../graphql/scalars';
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';

@ObjectType({ description: 'One committed write, in commit order (the shape the service already has, plus its position).' })
export class Change {
  @Field({ description: "Unique id, 'change:<uuid>'." })
  id!: string;

  @Field({ description: "The change's place in commit order: pass it as `after` to the subscription (or to the changes feed) to resume without missing anything." })
  position!: string;

  @Field(() => DateTimeScalar, { description: 'When the write committed (server time, UTC).' })
  at!: Date;

  @Field({ description: "The editor's name (never their token)." })
  editor!: string;

  @Field({ description: 'The mutation, e.g. "assignTier".' })
  operation!: string;

  @Field(() => [String], { description: 'Ids of the things written.' })
  entityIds!: string[];

  @Field(() => JsonObjectScalar, {
    nullable: true,
    description: "What the write changed, as it was: entity id -> field -> value; a link is a field named 'link: TYPE -> target id, ...' whose value is its properties; null where it did not exist. Null for changes recorded before values were kept.",
  })
  before?: Record<string, unknown> | null;

  @Field(() => JsonObjectScalar, { nullable: true, description: 'What the write changed, as it is after: the same keys as `before`; null where it was removed.' })
  after?: Record<string, unknown> | null;
}

export const ChangeConnection = connectionType(Change, 'Change');
