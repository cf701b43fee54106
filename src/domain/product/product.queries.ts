import { batched } from '../../graphql/loaders';


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
