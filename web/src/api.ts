/** The explorer's only way to the data: POST /graphql, the public API. */

export class ApiError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, or UNREACHABLE / BAD_RESPONSE. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs an operation; any GraphQL error, HTTP failure or network failure is thrown as an ApiError. */
export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      // application/json also satisfies Apollo's CSRF prevention.
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch {
    throw new ApiError('The service is unreachable (no answer from /graphql). Is it running?', 'UNREACHABLE');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The service answered HTTP ${response.status} without a GraphQL response.`, 'BAD_RESPONSE');
  }
  if (body.errors?.length) {
    const code = body.errors[0].extensions?.code ?? 'UNKNOWN';
    throw new ApiError(`${body.errors.map((error) => error.message).join('; ')} (${code})`, code);
  }
  if (!body.data) throw new ApiError(`The service answered HTTP ${response.status} with no data.`, 'BAD_RESPONSE');
  return body.data;
}

/** Enough of any entity to name it and link to it. */
/** The fields of a source that a page shows and cites. */
export const SOURCE = 'id title url publisher publishedOn kind note';
/** The fields of a rule that a link to it needs. */
export const RULE_REF = 'id title shortName';

export const ENTITY_NAME = `
  __typename
  ... on Node { id }
  ... on Rule { title shortName }
  ... on Country { name }
  ... on Tier { name }
  ... on Agency { name }
  ... on Official { name }
  ... on ChipProduct { name }
  ... on Company { name }
  ... on CountryGroup { name groupCode: code }
  ... on Eccn { code }
`;

export interface EntityName {
  __typename: string;
  id: string;
  name?: string;
  title?: string;
  shortName?: string | null;
  /** A country group's code ('D:5'). */
  groupCode?: string;
  /** An ECCN's code ('3A090'). */
  code?: string;
}

/** A rule's short name or title, an ECCN's code, a country group's name with its code, anything else's name. */
export function nameOf(entity: Omit<EntityName, '__typename'>): string {
  if (entity.groupCode && entity.name) return entity.name.includes(entity.groupCode) ? entity.name : `${entity.name} (Country Group ${entity.groupCode})`;
  if (entity.code && !entity.name) return `ECCN ${entity.code}`;
  return entity.shortName ?? entity.title ?? entity.name ?? entity.id;
}

/** Headings for search results and labels, by GraphQL type. */
export const TYPE_LABELS: Record<string, string> = {
  Rule: 'Rules',
  Country: 'Countries',
  Tier: 'Tiers',
  Agency: 'Agencies',
  Official: 'Officials',
  ChipProduct: 'Chip products',
  Company: 'Companies',
  CountryGroup: 'Country groups',
  Eccn: 'ECCNs',
};
