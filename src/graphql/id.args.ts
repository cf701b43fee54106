import { IsString, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: "A globally unique id, e.g. 'rule:ai-diffusion', 'agency:bis', 'chipProduct:nvidia-h100'." })
  @IsString()
  @MaxLength(200)
  id!: string;
}
