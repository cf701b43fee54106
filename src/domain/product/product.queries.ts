import { batched } from '../../graphql/loaders';
import { NamedQuery } from '../../neo4j/graph';

export const chipProductById: NamedQuery = { name: 'chipProductById', cypher: 'MATCH (p:ChipProduct {id: $id}) RETURN p {.*} AS product' };
export const companyById: NamedQuery = { name: 'companyById', cypher: 'MATCH (c:Company {id: $id}) RETURN c {.*} AS company' };

export const makerOfProduct = batched('makerOfProduct', `
  MATCH (:ChipProduct {id: id})-[:MADE_BY]->(c:Company)
  RETURN collect(c {.*}) AS items`);

export const countryOfCompany = batched('countryOfCompany', `
  MATCH (:Company {id: id})-[:BASED_IN]->(c:Country)
  RETURN collect(c {.*}) AS items`);

export const productsOfCompany = batched('productsOfCompany', `
  MATCH (:Company {id: id})<-[:MADE_BY]-(p:ChipProduct)
  WITH p ORDER BY p.name
  RETURN collect(p {.*}) AS items`);
