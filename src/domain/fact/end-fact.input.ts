import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern, kindOfId } from '../entities';
import { ListKind } from '../listing/listing.type';

/** The dated facts endFact ends: the touches, a classification, a country-group membership, a listing. */
export const ENDABLE_RELATIONS = ['TARGETS', 'RESTRICTS', 'PROHIBITS_USE', 'CLASSIFIED_AS', 'IN_GROUP', 'LISTED'] as const;
export type EndableRelation = (typeof ENDABLE_RELATIONS)[number];

/** A list as endFact names it: 'list:ENTITY_LIST'. */
export const LIST_ID = new RegExp(`^list:(${Object.values(ListKind).join('|')})$`);

/** Passes for an id in the one grammar of src/domain/entities.ts, or a list id ('list:ENTITY_LIST') when `lists` is given. */
@ValidatorConstraint({ name: 'entityId' })
export class EntityId implements ValidatorConstraintInterface {
  validate(value: unknown, args?: ValidationArguments) {
    if (typeof value !== 'string') return false;
    return kindOfId(value) !== null || (args?.constraints?.[0] === 'lists' && LIST_ID.test(value));
  }

  defaultMessage(args?: ValidationArguments) {
    return `${args?.property} must be an entity id such as chipProduct:<slug>${args?.constraints?.[0] === 'lists' ? " or a list such as 'list:ENTITY_LIST'" : ''}`;
  }
}

@InputType({ description: 'A dated fact to end on a day: who or what it is about, what it relates to, and how.' })
export class EndFactInput {
  @Field(() => ID, { description: 'The rule, or the subject of the fact (product, company, country).' })
  @Validate(EntityId)
  subjectId!: string;

  @Field(() => ID, { description: "What it is related to: the target of a touch, the ECCN, the country group, the listing's list as 'list:ENTITY_LIST'." })
  @Validate(EntityId, ['lists'])
  objectId!: string;

  @Field({ description: `The kind of fact: ${ENDABLE_RELATIONS.join(', ')}.` })
  @IsIn(ENDABLE_RELATIONS, { message: `relation must be one of ${ENDABLE_RELATIONS.join(', ')}` })
  relation!: string;

  @Field(() => DateScalar, { description: 'First day the fact no longer holds.' })
  on!: unknown;

  @Field(() => ID, { nullable: true, description: 'The instrument that ended it, when there is one.' })
  @IsOptional()
  @Matches(idPattern('rule'), { message: 'byRuleId must look like rule:<slug>' })
  byRuleId?: string | null;

  @Field(() => String, { nullable: true, description: 'How it ended, in a sentence or two (added to the fact\'s note).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state the ending (they must exist; added to the fact\'s sources).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
