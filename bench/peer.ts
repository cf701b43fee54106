import { Neo4jGraphQL } from '@neo4j/graphql';
import { Driver } from 'neo4j-driver';

/**
 * The same graph described for the Neo4j GraphQL Library (@neo4j/graphql), the usual way to put
 * GraphQL on Neo4j: it generates the schema and one Cypher statement per request.
 */
export const peerTypeDefs = /* GraphQL */ `
  type Country @node {
    id: ID!
    code: String!
    name: String!
    tiers: [Tier!]! @relationship(type: "IN_TIER", direction: OUT, properties: "InTier")
    companies: [Company!]! @relationship(type: "BASED_IN", direction: IN)
    targetedBy: [Rule!]! @relationship(type: "TARGETS", direction: IN, properties: "Touch")
    restrictedBy: [Rule!]! @relationship(type: "RESTRICTS", direction: IN, properties: "Touch")
    prohibitedBy: [Rule!]! @relationship(type: "PROHIBITS_USE", direction: IN, properties: "Touch")
  }
  type InTier @relationshipProperties {
    validFrom: Date!
    validTo: Date
  }
  type Tier @node {
    id: ID!
    level: Int!
    name: String!
    rule: [Rule!]! @relationship(type: "DEFINED_BY", direction: OUT)
  }
  type Rule @node {
    id: ID!
    title: String!
    shortName: String
    issuedBy: [Agency!]! @relationship(type: "ISSUED_BY", direction: OUT)
    tiers: [Tier!]! @relationship(type: "DEFINED_BY", direction: IN)
    sources: [Source!]! @relationship(type: "CITES", direction: OUT)
    targets: [TouchTarget!]! @relationship(type: "TARGETS", direction: OUT)
    restricts: [TouchTarget!]! @relationship(type: "RESTRICTS", direction: OUT)
    prohibitsUse: [TouchTarget!]! @relationship(type: "PROHIBITS_USE", direction: OUT)
    amends: [Rule!]! @relationship(type: "AMENDS", direction: OUT)
    amendedBy: [Rule!]! @relationship(type: "AMENDS", direction: IN)
    revokes: [Rule!]! @relationship(type: "REVOKES", direction: OUT)
    revokedBy: [Rule!]! @relationship(type: "REVOKES", direction: IN)
    supersedes: [Rule!]! @relationship(type: "SUPERSEDES", direction: OUT)
    supersededBy: [Rule!]! @relationship(type: "SUPERSEDES", direction: IN)
    implements: [Rule!]! @relationship(type: "IMPLEMENTS", direction: OUT)
    implementedBy: [Rule!]! @relationship(type: "IMPLEMENTS", direction: IN)
  }
  union TouchTarget = ChipProduct | Company | Country
  type Source @node {
    id: ID!
    title: String
  }
  type Touch @relationshipProperties {
    validFrom: Date
    validTo: Date
  }
  type Agency @node {
    id: ID!
    name: String!
  }
  type Company @node {
    id: ID!
    name: String!
    products: [ChipProduct!]! @relationship(type: "MADE_BY", direction: IN)
    targetedBy: [Rule!]! @relationship(type: "TARGETS", direction: IN, properties: "Touch")
    restrictedBy: [Rule!]! @relationship(type: "RESTRICTS", direction: IN, properties: "Touch")
    prohibitedBy: [Rule!]! @relationship(type: "PROHIBITS_USE", direction: IN, properties: "Touch")
  }
  type ChipProduct @node {
    id: ID!
    name: String!
    family: String
    maker: [Company!]! @relationship(type: "MADE_BY", direction: OUT)
    targetedBy: [Rule!]! @relationship(type: "TARGETS", direction: IN, properties: "Touch")
    restrictedBy: [Rule!]! @relationship(type: "RESTRICTS", direction: IN, properties: "Touch")
    prohibitedBy: [Rule!]! @relationship(type: "PROHIBITS_USE", direction: IN, properties: "Touch")
  }
`;

export function peerSchema(driver: Driver) {
  return new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
}
