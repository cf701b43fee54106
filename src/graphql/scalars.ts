import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { Date as Neo4jDate, isDate, isDateTime } from 'neo4j-driver';
import { toNeo4jDate } from '../neo4j/dates';

const localDate = GraphQLLocalDate.toConfig();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The contract's `Date`: an ISO 8601 calendar date. graphql-scalars validates the text;
 * values arrive in resolvers as Neo4j dates so they go to Cypher as dates, never strings.
 */
export const DateScalar = new GraphQLScalarType<Neo4jDate<number>, string>({
  name: 'Date',
  description: 'An ISO 8601 calendar date, YYYY-MM-DD.',
  serialize(value) {
    // Text is what the compiler projects (Cypher's toString of a stored date), so always a calendar date.
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    if (isDate(value)) return (value as Neo4jDate).toString();
    return localDate.serialize(value) as string;
  },
  parseValue(value) {
    return toNeo4jDate(localDate.parseValue(value) as string);
  },
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.STRING) return localDate.parseLiteral(ast, variables) as never;
    return toNeo4jDate(localDate.parseLiteral(ast, variables) as string);
  },
});

const dateTime = GraphQLDateTime.toConfig();

/** An instant, e.g. 2026-11-28T03:22:01.123Z; always sent as an ISO 8601 string in UTC (Neo4j datetimes included). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...dateTime,
  description: 'An instant in UTC, ISO 8601 (RFC 3339), e.g. 2026-11-28T03:22:01.123Z.',
  serialize: (value) => (isDateTime(value) ? value.toStandardDate() : (dateTime.serialize(value) as Date)).toISOString(),
});

const jsonObject = GraphQLJSONObject.toConfig();

/** A JSON object; the graph stores it as JSON text (a Change's before and after values), sent as the object. */
export const JsonObjectScalar = new GraphQLScalarType<object, object>({
  ...jsonObject,
  description: 'A JSON object, e.g. {"country:SG": {"link: IN_TIER -> tier:ai-diffusion-tier-2, validFrom 2025-01-15": {...}}}.',
  serialize: (value) => jsonObject.serialize(typeof value === 'string' ? JSON.parse(value) : value) as object,
});
