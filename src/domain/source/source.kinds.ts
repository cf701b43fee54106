/** The kinds of source the graph holds (docs/graph-model.md): the seed's records and upsertSource accept these. */
export const SOURCE_KINDS = [
  'ARTICLE', 'NEWS_REPORT', 'FEDERAL_REGISTER', 'PRESS_RELEASE', 'PRESIDENTIAL_DOCUMENT', 'DECISION', 'COMPANY_FILING',
  'LAW_FIRM_SUMMARY', 'REGULATION', 'STANDARD', 'DATASHEET',
] as const;
