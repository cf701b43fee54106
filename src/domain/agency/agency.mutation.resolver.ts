import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { kindOfType } from '../entities';
import { namedFieldsToSet, upsertIdOf } from '../entity-ids';
import { oneFact } from '../fact/fact.read';
import { entityById } from '../node/node.read';
import { OfficeInput, OfficialActionInput, OfficialInput } from './agency.mutation.input';
import { recordOffice, recordOfficialAction, saveOfficial } from './agency.service';
import { Office, Official, OfficialAction } from './agency.type';

@Resolver()
export class AgencyMutationResolver {
  @Authorized()
  @Mutation(() => Official, { description: 'Creates an official, or updates the one with this id (the fields given are set); without an id the name makes one, and a different official holding it is a CONFLICT.' })
  async upsertOfficial(@Arg('input', () => OfficialInput, { description: 'The official to create, or the fields to set on the official with this id.' }) input: OfficialInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const id = upsertIdOf('official', input.id, input.name, 'name');
    const set = namedFieldsToSet(input, ['aliases', 'note']);
    const params = { id, given: Boolean(input.id), name: input.name, set, sourceIds: input.sourceIds, expectedVersion: input.expectedVersion };
    return mutate(context, info, 'upsertOfficial', [id], entityById(kindOfType('Official'), id, false), (tx) => saveOfficial(tx, params));
  }

  @Authorized()
  @Mutation(() => Office, { description: 'Records an office an official held at an agency for a period; the same title there over an overlapping period is a CONFLICT.' })
  async recordOffice(@Arg('input', () => OfficeInput, { description: 'The official, the agency, the title, the days it was held and the sources.' }) input: OfficeInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = { officialId: input.officialId, agencyId: input.agencyId, title: input.title, validFrom: input.validFrom, validTo: input.validTo ?? null, sourceIds: input.sourceIds };
    const read = oneFact(
      'Office',
      { label: 'Official', key: 'id', value: params.officialId, scope: 'official' }, 'HOLDS_OFFICE', { title: params.title, validFrom: params.validFrom },
      { label: 'Agency', key: 'id', value: params.agencyId, scope: 'agency' },
    );
    return mutate(context, info, 'recordOffice', [params.officialId, params.agencyId], read, (tx) => recordOffice(tx, params));
  }

  @Authorized()
  @Mutation(() => OfficialAction, { description: 'Records what an official did about a rule on a day; recording it again sets the text and adds the sources.' })
  async recordOfficialAction(@Arg('input', () => OfficialActionInput, { description: 'The official, the rule, what they did, the day, the words and the sources.' }) input: OfficialActionInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = { officialId: input.officialId, ruleId: input.ruleId, kind: input.kind, on: input.on, text: input.text ?? null, sourceIds: input.sourceIds };
    const read = oneFact(
      'OfficialAction',
      { label: 'Official', key: 'id', value: params.officialId, scope: 'official' }, params.kind, { on: params.on },
      { label: 'Rule', key: 'id', value: params.ruleId, scope: 'rule' },
    );
    return mutate(context, info, 'recordOfficialAction', [params.officialId, params.ruleId], read, (tx) => recordOfficialAction(tx, params));
  }
}
