import { batched } from '../../graphql/loaders';


export const parentOfAgency = batched('parentOfAgency', `
  MATCH (:Agency {id: id})-[:PART_OF]->(parent:Agency)
  RETURN collect(parent {.*}) AS items`);

export const rulesOfAgency = batched('rulesOfAgency', `
  MATCH (:Agency {id: id})<-[:ISSUED_BY]-(r:Rule)
  WITH r ORDER BY coalesce(r.issuedOn, r.publishedOn), r.id
  RETURN collect(r {.*}) AS items`);

/** Tenures at the agency, held on $asOf when given (an unknown start counts as already begun). */
export const officesOfAgency = batched('officesOfAgency', `
  MATCH (a:Agency {id: id})<-[office:HOLDS_OFFICE]-(o:Official)
  WHERE $asOf IS NULL OR ((office.validFrom IS NULL OR office.validFrom <= $asOf)
                          AND (office.validTo IS NULL OR $asOf < office.validTo))
  WITH a, office, o ORDER BY office.validFrom, o.id
  RETURN collect({official: o {.*}, agency: a {.*}, title: office.title, validFrom: office.validFrom,
                  validTo: office.validTo, note: office.note}) AS items`);

export const officesOfOfficial = batched('officesOfOfficial', `
  MATCH (o:Official {id: id})-[office:HOLDS_OFFICE]->(a:Agency)
  WITH a, office, o ORDER BY office.validFrom, a.id
  RETURN collect({official: o {.*}, agency: a {.*}, title: office.title, validFrom: office.validFrom,
                  validTo: office.validTo, note: office.note}) AS items`);

export const actionsOfOfficial = batched('actionsOfOfficial', `
  MATCH (o:Official {id: id})-[action:SIGNED|ANNOUNCED|INSTRUCTED|STATED]->(r:Rule)
  WITH o, action, r ORDER BY action.on, r.id
  RETURN collect({official: o {.*}, rule: r {.*}, kind: type(action), on: action.on, text: action.text,
                  sourceIds: action.sourceIds}) AS items`);
