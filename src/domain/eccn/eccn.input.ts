import { IsString, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { badUserInput } from '../../graphql/errors';
import { ECCN_CODE } from '../entities';

@ArgsType()
export class EccnCodeArgs {
  @Field({ description: "An ECCN as the Commerce Control List writes it, e.g. '3A090' or '3A001.z' (case does not matter)." })
  @IsString()
  @MaxLength(40)
  code!: string;
}

/** An ECCN as the graph writes it (group letter upper case, paragraphs lower case), or BAD_USER_INPUT naming the argument. */
export function eccnCodeOf(code: string, argumentName: string): string {
  const trimmed = code.trim();
  const written = trimmed.slice(0, 5).toUpperCase() + trimmed.slice(5).toLowerCase();
  if (!ECCN_CODE.test(written)) {
    throw badUserInput(`Argument "${argumentName}" must be an ECCN such as "3A090" or "3A001.z"; got ${JSON.stringify(code)}.`, argumentName);
  }
  return written;
}
