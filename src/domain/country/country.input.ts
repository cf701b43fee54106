import { Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class CountryCodeArgs {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "SG" (case does not matter).' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'code must be an ISO 3166-1 alpha-2 code: two letters' })
  code!: string;
}
