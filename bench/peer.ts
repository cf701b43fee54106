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
    targets: [ChipProduct!]! @relationship(type: "TARGETS", direction: OUT, properties: "Touch")
    restricts: [ChipProduct!]! @relationship(type: "RESTRICTS", direction: OUT, properties: "Touch")
    prohibitsUse: [ChipProduct!]! @relationship(type: "PROHIBITS_USE", direction: OUT, properties: "Touch")
    targetsCompanies: [Company!]! @relationship(type: "TARGETS", direction: OUT, properties: "Touch")
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
    targetedBy: [Rule!]! @relationship(type: "TARGETS", direction: IN, properties: "Touch")
  }
  type ChipProduct @node {
    id: ID!
    name: String!
    maker: [Company!]! @relationship(type: "MADE_BY", direction: OUT)
    targetedBy: [Rule!]! @relationship(type: "TARGETS", direction: IN, properties: "Touch")
    restrictedBy: [Rule!]! @relationship(type: "RESTRICTS", direction: IN, properties: "Touch")
    prohibitedBy: [Rule!]! @relationship(type: "PROHIBITS_USE", direction: IN, properties: "Touch")
  }
`;

export function peerSchema(driver: Driver) {
  return new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
}
