import { DateTimeScalar } from '../../graphql/scalars';
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';

@ObjectType({ description: 'One write to the graph: who made it, when, what operation, on which ids.' })
export class Change {
  @Field({ description: "Unique id, 'change:<uuid>'." })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the write committed (server time, UTC).' })
  at!: Date;

  @Field({ description: "The editor's name (never their token)." })
  editor!: string;

  @Field({ description: 'The mutation, e.g. "assignTier".' })
  operation!: string;

  @Field(() => [String], { description: 'Ids of the things written.' })
  entityIds!: string[];
}

export const ChangeConnection = connectionType(Change, 'Change');
