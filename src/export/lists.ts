import { ArgumentNode, Kind, ObjectFieldNode, OperationDefinitionNode, parse, print, TypeNode, visit } from 'graphql';
import { MAX_PAGE_SIZE } from '../read/page';

/** One cell of an exported row: a list is an array in JSON Lines and its items joined by "; " in CSV. */
export type Cell = string | number | boolean | null | readonly string[];
export type Row = Record<string, Cell>;

/** A query-string parameter of a list export: a variable of its operation, and the API argument it feeds. */
export interface ExportParameter {
  name: string;
  /** The variable's declared type, which says how the query-string text is turned into a value. */
  type: TypeNode;
  /** The argument (or input field) path the API names in its errors, e.g. 'filter.inForceOn'. */
  argumentName: string;
  /** The response path of the field whose argument it feeds, e.g. 'tier' for `tier(id: $tier)`. */
  fieldPath: string;
}

/**
 * A list export: one fixed GraphQL operation that reads one page of a connection, with `$first`,
 * `$after` and one variable per query-string parameter, and how a node becomes a row. Running it
 * through the API's own executor makes validation, pricing, codes and caps exactly the API's.
 */
export interface ListExport {
  /** The name in the URL: /export/<name>.csv. */
  name: string;
  /**
   * The response path to the list the operation reads: a root connection (['rules']), a connection below
   * an entity looked up by a parameter (['tier', 'countries']), or a capped plain list (['countryGroup',
   * 'members']), which the API answers whole and so is read in one page without `$first` and `$after`.
   */
  path: readonly string[];
  document: string;
  /** The columns, in order; every row has each of them. */
  columns: readonly string[];
  /** A node as a row; `variables` are the export's, for columns about what it was asked for. */
  row(node: any, variables: Record<string, unknown>): Row;
  /** Values of parameters the client left out, e.g. `asOf` = today for countries. */
  defaults?(today: string): Record<string, string>;
  /** What the file name says after the list's name, e.g. 'asof-2025-03-01'; the day of the export when null. */
  fileLabel?(variables: Record<string, unknown>): string | null;
  /** The parameters, from the document's variables other than $first and $after. */
  parameters: ReadonlyMap<string, ExportParameter>;
  /** Whether it reads a connection page by page, or a plain list at once. */
  paged: boolean;
}

const PAGE_FIELDS = 'totalCount pageInfo { hasNextPage endCursor }';

const ids = (items: { id: string }[] | null | undefined): string[] => (items ?? []).map((item) => item.id);

/** A file label's date part: 'asof-2025-03-01', or nothing when no date was asked for. */
const asOfLabel = (variables: Record<string, unknown>): string | null => (typeof variables.asOf === 'string' ? `asof-${variables.asOf}` : null);

/** An entity's file label: its key, then the date part when there is one ('ai-diffusion-2-asof-2025-03-01'). */
const entityLabel = (key: string, variables: Record<string, unknown>) => [key, asOfLabel(variables)].filter(Boolean).join('-');

/** Whether the operation pages through a connection: it declares `$first` (and `$after`). */
function pagesOf(operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((definition) => definition.variable.name.value === 'first');
}

/** The list's parameters: each variable but $first and $after, with the first argument path it is used in. */
function parametersOf(operation: OperationDefinitionNode): Map<string, ExportParameter> {
  const paths = new Map<string, { argumentName: string; fieldPath: string }>();
  const open: string[] = [];
  const fields: string[] = [];
  visit(operation.selectionSet, {
    enter(node) {
      if (node.kind === Kind.FIELD) fields.push((node.alias ?? node.name).value);
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) open.push((node as ArgumentNode | ObjectFieldNode).name.value);
      if (node.kind === Kind.VARIABLE && !paths.has(node.name.value)) paths.set(node.name.value, { argumentName: open.join('.'), fieldPath: fields.join('.') });
    },
    leave(node) {
      if (node.kind === Kind.FIELD) fields.pop();
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) open.pop();
    },
  });
  const parameters = new Map<string, ExportParameter>();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name === 'first' || name === 'after') continue;
    const used = paths.get(name);
    if (!used) throw new Error(`Variable $${name} of an export is not used`);
    parameters.set(name, { name, type: definition.type, ...used });
  }
  return parameters;
}

function listExport(definition: Omit<ListExport, 'parameters' | 'paged'>): ListExport {
  const ast = parse(definition.document, { noLocation: true });
  const operation = ast.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('An export document needs an operation');
  // Printed once so each page sends the same, normalised text.
  return { ...definition, document: print(ast), parameters: parametersOf(operation), paged: pagesOf(operation) };
}

export const COUNTRIES = listExport({
  name: 'countries',
  path: ['countries'],
  document: `query ExportCountries($first: Int!, $after: String, $asOf: Date) {
    countries(first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges { node { id code name tierAssignments(asOf: $asOf) { tier { id name level rule { id shortName title } } } } }
    }
  }`,
  columns: ['id', 'code', 'name', 'tier', 'tierId', 'tierLevel', 'ruleId', 'rule'],
  row: (node) => {
    const tiers = (node.tierAssignments ?? []).map((assignment: any) => assignment.tier);
    return {
      id: node.id,
      code: node.code,
      name: node.name,
      tier: tiers.map((tier: any) => tier.name),
      tierId: tiers.map((tier: any) => tier.id),
      tierLevel: tiers.map((tier: any) => String(tier.level)),
      ruleId: tiers.map((tier: any) => tier.rule.id),
      rule: tiers.map((tier: any) => tier.rule.shortName ?? tier.rule.title),
    };
  },
  defaults: (today) => ({ asOf: today }),
  fileLabel: asOfLabel,
});

/**
 * The countries of one tier (Tier.countries): those in it on asOf, or every one ever in it, each with
 * the periods it was in this tier. The tier is looked up by id; an id that names no tier is NOT_FOUND.
 */
export const TIER_COUNTRIES = listExport({
  name: 'tierCountries',
  path: ['tier', 'countries'],
  document: `query ExportTierCountries($first: Int!, $after: String, $tier: ID!, $asOf: Date) {
    tier(id: $tier) {
      countries(first: $first, after: $after, asOf: $asOf) {
        ${PAGE_FIELDS}
        edges { node { id code name tierAssignments { validFrom validTo tier { id } } } }
      }
    }
  }`,
  columns: ['id', 'code', 'name', 'tierId', 'inTierFrom', 'inTierUntil'],
  row: (node, variables) => {
    // Every period in this tier, oldest first; an open period ends with an empty text.
    const periods = (node.tierAssignments ?? []).filter((assignment: any) => assignment.tier.id === variables.tier);
    return {
      id: node.id,
      code: node.code,
      name: node.name,
      tierId: String(variables.tier),
      inTierFrom: periods.map((period: any) => period.validFrom ?? ''),
      inTierUntil: periods.map((period: any) => period.validTo ?? ''),
    };
  },
  fileLabel: (variables) => entityLabel(String(variables.tier).replace(/^tier:/, ''), variables),
});

/** The members of one country group (CountryGroup.members), a plain list capped by the API: each membership period is a row. */
export const GROUP_MEMBERS = listExport({
  name: 'countryGroupMembers',
  path: ['countryGroup', 'members'],
  document: `query ExportCountryGroupMembers($group: String!, $asOf: Date) {
    countryGroup(code: $group) {
      members(asOf: $asOf) { country { id code name } group { code } validFrom validTo confidence addedBy { id } removedBy { id } note sources { id } }
    }
  }`,
  columns: ['countryId', 'countryCode', 'country', 'group', 'validFrom', 'validTo', 'confidence', 'addedById', 'removedById', 'note', 'sources'],
  row: (membership) => ({
    countryId: membership.country.id,
    countryCode: membership.country.code,
    country: membership.country.name,
    group: membership.group.code,
    validFrom: membership.validFrom,
    validTo: membership.validTo,
    confidence: membership.confidence,
    addedById: membership.addedBy?.id ?? null,
    removedById: membership.removedBy?.id ?? null,
    note: membership.note,
    sources: ids(membership.sources),
  }),
  fileLabel: (variables) => entityLabel(String(variables.group), variables),
});

export const RULES = listExport({
  name: 'rules',
  path: ['rules'],
  document: `query ExportRules($first: Int!, $after: String, $kinds: [RuleKind!], $inForceOn: Date, $issuedFrom: Date, $issuedTo: Date,
    $status: RuleStatus, $statusOn: Date, $cfrPart: String, $text: String, $touching: String, $touchingVia: [ImpactPathKind!], $issuedByAgencyId: ID,
    $orderBy: RuleOrder) {
    rules(first: $first, after: $after, orderBy: $orderBy, filter: {
      kinds: $kinds, inForceOn: $inForceOn, issuedFrom: $issuedFrom, issuedTo: $issuedTo, status: $status, statusOn: $statusOn,
      cfrPart: $cfrPart, text: $text, touching: $touching, touchingVia: $touchingVia, issuedByAgencyId: $issuedByAgencyId
    }) {
      ${PAGE_FIELDS}
      edges { node {
        id kind title shortName citation documentNumber rin cfrParts issuedBy { id }
        issuedOn publishedOn effectiveOn complianceOn revokedOn status(asOf: $statusOn) summary note
      } }
    }
  }`,
  columns: ['id', 'kind', 'title', 'shortName', 'citation', 'documentNumber', 'rin', 'cfrParts', 'issuedBy', 'issuedOn', 'publishedOn',
    'effectiveOn', 'complianceOn', 'revokedOn', 'status', 'summary', 'note'],
  row: (node) => ({
    id: node.id,
    kind: node.kind,
    title: node.title,
    shortName: node.shortName,
    citation: node.citation,
    documentNumber: node.documentNumber,
    rin: node.rin,
    cfrParts: node.cfrParts,
    issuedBy: ids(node.issuedBy),
    issuedOn: node.issuedOn,
    publishedOn: node.publishedOn,
    effectiveOn: node.effectiveOn,
    complianceOn: node.complianceOn,
    revokedOn: node.revokedOn,
    status: node.status,
    summary: node.summary,
    note: node.note,
  }),
});

export const CHIP_PRODUCTS = listExport({
  name: 'chipProducts',
  path: ['chipProducts'],
  document: `query ExportChipProducts($first: Int!, $after: String, $eccn: String, $family: String, $makerId: ID, $maxTpp: Float, $minTpp: Float,
    $text: String, $touchedOn: Date) {
    chipProducts(first: $first, after: $after, filter: {
      eccn: $eccn, family: $family, makerId: $makerId, maxTpp: $maxTpp, minTpp: $minTpp, text: $text, touchedOn: $touchedOn
    }) {
      ${PAGE_FIELDS}
      edges { node {
        id name family aliases maker { id name } eccn tpp performance { performanceDensity memoryBandwidthGBs announcedOn } note
      } }
    }
  }`,
  columns: ['id', 'name', 'family', 'makerId', 'maker', 'eccn', 'tpp', 'performanceDensity', 'memoryBandwidthGBs', 'announcedOn', 'aliases', 'note'],
  row: (node) => ({
    id: node.id,
    name: node.name,
    family: node.family,
    makerId: node.maker?.id ?? null,
    maker: node.maker?.name ?? null,
    eccn: node.eccn,
    tpp: node.tpp,
    performanceDensity: node.performance?.performanceDensity ?? null,
    memoryBandwidthGBs: node.performance?.memoryBandwidthGBs ?? null,
    announcedOn: node.performance?.announcedOn ?? null,
    aliases: node.aliases,
    note: node.note,
  }),
});

export const COMPANIES = listExport({
  name: 'companies',
  path: ['companies'],
  document: `query ExportCompanies($first: Int!, $after: String, $countryCode: String, $listed: ListKind, $listedOn: Date, $text: String) {
    companies(first: $first, after: $after, filter: { countryCode: $countryCode, listed: $listed, listedOn: $listedOn, text: $text }) {
      ${PAGE_FIELDS}
      edges { node { id name aliases country { code } parent { id name } note } }
    }
  }`,
  columns: ['id', 'name', 'countryCode', 'parentId', 'parent', 'aliases', 'note'],
  row: (node) => ({
    id: node.id,
    name: node.name,
    countryCode: node.country?.code ?? null,
    parentId: node.parent?.id ?? null,
    parent: node.parent?.name ?? null,
    aliases: node.aliases,
    note: node.note,
  }),
});

export const SOURCES = listExport({
  name: 'sources',
  path: ['sources'],
  document: `query ExportSources($first: Int!, $after: String, $kind: String, $text: String) {
    sources(first: $first, after: $after, kind: $kind, text: $text) {
      ${PAGE_FIELDS}
      edges { node { id kind title publisher url publishedOn note } }
    }
  }`,
  columns: ['id', 'kind', 'title', 'publisher', 'url', 'publishedOn', 'note'],
  row: (node) => ({
    id: node.id,
    kind: node.kind,
    title: node.title,
    publisher: node.publisher,
    url: node.url,
    publishedOn: node.publishedOn,
    note: node.note,
  }),
});

/** Every list export by its name in the URL. */
export const LIST_EXPORTS: ReadonlyMap<string, ListExport> = new Map([COUNTRIES, TIER_COUNTRIES, GROUP_MEMBERS, RULES, CHIP_PRODUCTS, COMPANIES, SOURCES].map((list) => [list.name, list]));

/** Rows per page: the API's largest page. */
export const EXPORT_PAGE_SIZE = MAX_PAGE_SIZE;

/** An export refused, or failed, with the errors a client gets: the API's, or the export's own (a row cap, a bad parameter). */
export class ExportRefused extends Error {
  constructor(readonly errors: ExportError[]) {
    super(errors[0]?.message ?? 'Export refused');
  }
}

export interface ExportError {
  message: string;
  extensions: Record<string, unknown> & { code: string };
}

function refused(message: string, extensions: ExportError['extensions']): ExportRefused {
  return new ExportRefused([{ message, extensions }]);
}

/** The named type of a variable type, and whether it is a list. */
function shapeOf(type: TypeNode): { list: boolean; named: string } {
  const outer = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  let inner: TypeNode = outer;
  while (inner.kind !== Kind.NAMED_TYPE) inner = inner.type;
  return { list: outer.kind === Kind.LIST_TYPE, named: inner.name.value };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A query-string text as the value its variable's type expects: a number for Int and Float, true/false
 * for Boolean, a list (repeated parameter, or comma-separated) for a list type. Text that is not a
 * number stays text, so the API refuses it with its own error, as it would refuse it in a document.
 */
function valueOf(text: string, named: string): unknown {
  if ((named === 'Int' || named === 'Float') && NUMBER.test(text.trim())) return Number(text);
  if (named === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The variables of a list export from a query string, with its defaults; an unknown parameter, or a
 * single-valued one given twice, is refused as BAD_USER_INPUT naming it. Values are checked by the API.
 */
export function variablesOf(list: ListExport, query: Record<string, unknown>, today: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const given = { ...list.defaults?.(today), ...query };
  for (const [name, raw] of Object.entries(given)) {
    const parameter = list.parameters.get(name);
    if (!parameter) {
      const known = [...list.parameters.keys()];
      throw refused(`Unknown parameter "${name.slice(0, 40)}" for /export/${list.name}: ${known.length > 0 ? `it takes ${known.join(', ')}` : 'it takes none'}.`, {
        code: 'BAD_USER_INPUT', argumentName: name.slice(0, 40),
      });
    }
    const texts = Array.isArray(raw) ? raw : [raw];
    if (texts.some((text) => typeof text !== 'string')) throw refused(`Parameter "${name}" must be text.`, { code: 'BAD_USER_INPUT', argumentName: parameter.argumentName, parameter: name });
    const { list: isList, named } = shapeOf(parameter.type);
    if (isList) {
      variables[name] = (texts as string[]).flatMap((text) => text.split(',')).map((item) => item.trim()).filter((item) => item !== '').map((item) => valueOf(item, named));
    } else if (texts.length > 1) {
      throw refused(`Parameter "${name}" is given ${texts.length} times; it takes one value.`, { code: 'BAD_USER_INPUT', argumentName: parameter.argumentName, parameter: name });
    } else {
      variables[name] = valueOf(texts[0] as string, named);
    }
  }
  return variables;
}

/** What the API answered for one page. */
export interface PageResult {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs the export's operation with these variables, as the API would for a client. */
export type Execute = (document: string, variables: Record<string, unknown>) => Promise<PageResult>;

/** The API's errors, each also naming the query-string parameter it is about where it is about one. */
function apiErrors(list: ListExport, errors: NonNullable<PageResult['errors']>): ExportRefused {
  const byArgument = new Map([...list.parameters.values()].map((parameter) => [parameter.argumentName, parameter]));
  return new ExportRefused(errors.map((error) => {
    const extensions = { ...error.extensions } as ExportError['extensions'];
    extensions.code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    delete extensions.http;
    const variable = typeof extensions.variableName === 'string' ? list.parameters.get(extensions.variableName) : undefined;
    const invalid = Array.isArray(extensions.invalidFields) ? (extensions.invalidFields as string[]).find((field) => byArgument.has(field)) : undefined;
    const parameter = variable ?? byArgument.get(String(extensions.argumentName)) ?? (invalid ? byArgument.get(invalid) : undefined);
    if (parameter) {
      extensions.argumentName ??= parameter.argumentName;
      extensions.parameter = parameter.name;
    }
    return { message: error.message, extensions };
  }));
}

/**
 * The connection at the export's path in an answer. A null on the way is an entity the parameters
 * named and the graph does not have: NOT_FOUND, naming the parameters of that field.
 */
function connectionIn(list: ListExport, data: Record<string, any> | null, variables: Record<string, unknown>): unknown {
  let value: any = data;
  for (const [depth, key] of list.path.entries()) {
    value = value?.[key];
    if (value !== null && value !== undefined) continue;
    const fieldPath = list.path.slice(0, depth + 1).join('.');
    const named = [...list.parameters.values()].filter((parameter) => parameter.fieldPath === fieldPath);
    if (depth === list.path.length - 1 || named.length === 0) throw refused(`The API answered no ${fieldPath}.`, { code: 'INTERNAL_SERVER_ERROR' });
    const given = named.map((parameter) => `${parameter.name}=${JSON.stringify(String(variables[parameter.name]).slice(0, 80))}`);
    throw refused(`No ${key} answers to ${given.join(', ')}.`, { code: 'NOT_FOUND', argumentName: named[0].argumentName, parameter: named[0].name });
  }
  return value;
}

/** A page of a connection as the API answers it. */
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: unknown }[];
}

/** The first page, read before anything is sent: every refusal of the parameters, and the row cap, shows here. */
export interface ListExportRun {
  totalCount: number;
  /** The rows, page by page; the first page is already read. Throws ExportRefused if a later page fails. */
  pages: AsyncGenerator<Row[]>;
}

/**
 * Starts a list export: reads the first page (so a bad parameter or too many rows is refused before a
 * byte is sent), then yields each page's rows, following the connection's cursors to the end. At most
 * `maxRows` rows: more is refused with EXPORT_TOO_LARGE.
 */
export async function startListExport(list: ListExport, variables: Record<string, unknown>, execute: Execute, maxRows: number): Promise<ListExportRun> {
  const pageOf = async (after: string | null): Promise<Page> => {
    const result = await execute(list.document, list.paged ? { ...variables, first: EXPORT_PAGE_SIZE, after } : variables);
    if (result.errors?.length) throw apiErrors(list, result.errors);
    const found = connectionIn(list, result.data ?? null, variables);
    // A plain list is the whole list: one page.
    if (Array.isArray(found)) return { totalCount: found.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: found.map((node) => ({ node })) };
    return found as Page;
  };
  const tooLarge = (rows: number) => refused(
    `The export would have ${rows} rows; at most ${maxRows} rows are exported at once. Narrow it with its parameters.`,
    { code: 'EXPORT_TOO_LARGE', limit: maxRows, totalCount: rows },
  );
  const first = await pageOf(null);
  if (first.totalCount > maxRows) throw tooLarge(first.totalCount);
  async function* pages(): AsyncGenerator<Row[]> {
    let page = first;
    let sent = 0;
    for (;;) {
      sent += page.edges.length;
      // The graph may grow between pages: never more than the cap.
      if (sent > maxRows) throw tooLarge(sent);
      yield page.edges.map((edge) => list.row(edge.node, variables));
      if (!page.pageInfo.hasNextPage || page.edges.length === 0 || !page.pageInfo.endCursor) return;
      page = await pageOf(page.pageInfo.endCursor);
    }
  }
  return { totalCount: first.totalCount, pages: pages() };
}

/** A day as YYYY-MM-DD, in UTC. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The file name a list export is served as, e.g. rules-2026-12-01.csv, countries-asof-2025-03-01.csv or tierCountries-ai-diffusion-2.csv. */
export function fileNameOf(list: ListExport, variables: Record<string, unknown>, format: string, today: string): string {
  const label = list.fileLabel?.(variables);
  const safe = (text: string) => text.replace(/[^\w.-]+/g, '_').slice(0, 40);
  return label ? `${list.name}-${safe(label)}.${format}` : `${list.name}-${today}.${format}`;
}
