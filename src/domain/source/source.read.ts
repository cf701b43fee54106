import Cypher from '@neo4j/cypher-builder';
import { versionReader } from '../node/version';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, FieldReader, ReadModel } from '../../read/compiler';
import { connection } from '../../read/connection';
import { decodeCursor } from '../../read/cursor';
import { property } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { InputRefused } from '../../input-refused';
import { findableLabels } from '../entities';
import { byId, mentions } from '../product/product.read';

export const DEFAULT_SUPPORTS = 100;

/** `first` and the decoded `after` of Source.supports, checked here: nested lists are compiled before any resolver runs. */
export function supportsPageOf(args: { first?: unknown; after?: unknown }): { first: number; after: string | null } {
  const first = args.first ?? DEFAULT_SUPPORTS;
  const cap = LIST_CAPS['Source.supports'];
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > cap) {
    throw new InputRefused(`Argument "first" must be an integer from 1 to ${cap}.`, 'first');
  }
  if (args.after !== null && args.after !== undefined && typeof args.after !== 'string') throw new InputRefused('Argument "after" must be a cursor.', 'after');
  return { first, after: decodeCursor(args.after as string | null | undefined, 'supportedFact') };
}

/**
 * The columns every kind of supported fact answers in, so the kinds can be one UNION: fresh variables
 * for each use, so a source's facts read inside another's (a subject's sources) never shadow them.
 * The object leaves the UNION as its element id, not as a node: Neo4j 5.26's slotted runtime can lose
 * a node column that some branches fill with NULL, and a read through it (a company's parent) then
 * fails with a NullPointerException in some plans. supports() matches the node again by that id.
 */
function factColumns() {
  return {
    subject: new Cypher.Node(),
    relation: new Cypher.Variable(),
    objectRef: new Cypher.Variable(),
    objectKey: new Cypher.Variable(),
    validFrom: new Cypher.Variable(),
    validTo: new Cypher.Variable(),
    onlySource: new Cypher.Variable(),
  };
}

type Columns = ReturnType<typeof factColumns>;

interface FactColumns {
  relation: Cypher.Expr;
  objectRef: Cypher.Expr;
  objectKey: Cypher.Expr;
  validFrom: Cypher.Expr;
  validTo: Cypher.Expr;
  onlySource: Cypher.Expr;
}

function answer(columns: Columns, match: Cypher.Match, subject: Cypher.Node, fact: FactColumns): Cypher.Clause {
  return match.return(
    [subject, columns.subject],
    [fact.relation, columns.relation],
    [fact.objectRef, columns.objectRef],
    [fact.objectKey, columns.objectKey],
    [fact.validFrom, columns.validFrom],
    [fact.validTo, columns.validTo],
    [fact.onlySource, columns.onlySource],
  );
}

const ENTITY = () => Cypher.labelExpr.or(...findableLabels);
const only = (ids: Cypher.Expr) => Cypher.eq(Cypher.size(ids), new Cypher.Literal(1));

/** Entities citing the source for their own properties, one fact each: (subject)-[:CITES]->(source). */
function citingNodes(columns: Columns, source: Cypher.Variable): Cypher.Clause {
  const subject = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(subject).related({ type: 'CITES' }).to(source)).where(subject.hasLabel(ENTITY()));
  const cited = new Cypher.Count(new Cypher.Match(new Cypher.Pattern(subject).related({ type: 'CITES' }).to({ labels: ['Source'] })));
  return answer(columns, match, subject, {
    relation: new Cypher.Literal('PROPERTY'),
    objectRef: Cypher.Null,
    objectKey: new Cypher.Literal(''),
    validFrom: Cypher.Null,
    validTo: Cypher.Null,
    onlySource: Cypher.eq(cited, new Cypher.Literal(1)),
  });
}

/**
 * Relationship facts naming the source in `sourceIds`. No index covers a list element, so this scans
 * every relationship of the graph once: the cost of Source.supports grows with the graph, not the answer.
 * A rule's ADDS_LISTING or REMOVES_LISTING reports the listed party as its object.
 */
function citingRelationships(columns: Columns, source: Cypher.Variable): Cypher.Clause {
  const subject = new Cypher.Node();
  const rel = new Cypher.Relationship();
  const other = new Cypher.Node();
  const party = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(subject).related(rel, { direction: 'right' }).to(other)).where(
    Cypher.and(Cypher.in(source.property('id'), rel.property('sourceIds')), subject.hasLabel(ENTITY()))!,
  );
  const partyOf = Cypher.head(new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(party, { labels: ['Company'] }).related({ type: 'LISTED' }).to(other)).return(party).limit(new Cypher.Literal(1))));
  const object = new Cypher.Case().when(other.hasLabel('Listing')).then(partyOf).else(other);
  const objectId = new Cypher.Case().when(other.hasLabel('Listing')).then(Cypher.plus(new Cypher.Literal('list:'), other.property('list'))).else(other.property('id'));
  return answer(columns, match, subject, {
    relation: Cypher.type(rel),
    objectRef: Cypher.elementId(object),
    objectKey: Cypher.coalesce(objectId, new Cypher.Literal('')),
    validFrom: Cypher.coalesce(rel.property('validFrom'), rel.property('from'), rel.property('on')),
    validTo: Cypher.coalesce(rel.property('validTo'), rel.property('until')),
    onlySource: only(rel.property('sourceIds')),
  });
}

/** Listings naming the source: the party is LISTED_ON the listing's list for its period. */
function citingListings(columns: Columns, source: Cypher.Variable): Cypher.Clause {
  const subject = new Cypher.Node();
  const listing = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(subject, { labels: ['Company'] }).related({ type: 'LISTED' }).to(listing, { labels: ['Listing'] })).where(
    Cypher.in(source.property('id'), listing.property('sourceIds')),
  );
  return answer(columns, match, subject, {
    relation: new Cypher.Literal('LISTED_ON'),
    objectRef: Cypher.Null,
    objectKey: Cypher.plus(new Cypher.Literal('list:'), listing.property('list')),
    validFrom: listing.property('validFrom'),
    validTo: listing.property('validTo'),
    onlySource: only(listing.property('sourceIds')),
  });
}

/** Facts a node stores with a list of their own sources: a product's figures, a rule's ending. */
function citingProperty(columns: Columns, source: Cypher.Variable, label: string, ids: string, relation: string, validFrom: (node: Cypher.Node) => Cypher.Expr): Cypher.Clause {
  const subject = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(subject, { labels: [label] })).where(Cypher.in(source.property('id'), subject.property(ids)));
  return answer(columns, match, subject, {
    relation: new Cypher.Literal(relation),
    objectRef: Cypher.Null,
    objectKey: new Cypher.Literal(''),
    validFrom: validFrom(subject),
    validTo: Cypher.Null,
    onlySource: only(subject.property(ids)),
  });
}

/** "<subject id>|<relation>|<object key>|<validFrom>": the order of the list and what its cursors encode. */
function factKey(columns: Columns): Cypher.Expr {
  const bar = new Cypher.Literal('|');
  return Cypher.plus(
    columns.subject.property('id'), bar, columns.relation, bar, columns.objectKey, bar,
    Cypher.coalesce(Cypher.toString(columns.validFrom), new Cypher.Literal('')),
  );
}

/**
 * Facts citing the source, in key order: entities that CITE it, relationships and listings whose
 * sourceIds name it, and a product's figures or a rule's ending that name it. One UNION in one COLLECT.
 */
const supports: FieldReader = (field, { node: source }, compiler) => {
  const { first, after } = supportsPageOf(field.args);
  const columns = factColumns();
  const kinds = new Cypher.Union(
    citingNodes(columns, source),
    citingRelationships(columns, source),
    citingListings(columns, source),
    citingProperty(columns, source, 'ChipProduct', 'performanceSourceIds', 'PERFORMANCE', () => Cypher.Null),
    citingProperty(columns, source, 'Rule', 'endingSourceIds', 'ENDING', (rule) => rule.property('revokedOn')),
  ).all();
  const key = new Cypher.Variable();
  const object = new Cypher.Node();
  const fact = compiler.object('SupportedFact', field, { ...columns, object, key });
  const keyed = new Cypher.Call(kinds, [source])
    .optionalMatch(new Cypher.Pattern(object))
    .where(Cypher.eq(Cypher.elementId(object), columns.objectRef))
    .with('*', [factKey(columns), key]);
  if (after !== null) keyed.where(Cypher.gt(key, new Cypher.Param(after)));
  return new Cypher.Collect(keyed.return(fact).orderBy([key, 'ASC']).limit(new Cypher.Literal(first)));
};

export const sourceReaders: ReadModel = {
  Source: {
    label: 'Source',
    fields: {
      id: property('id'),
      version: versionReader,
      title: property('title'),
      publisher: property('publisher'),
      url: property('url'),
      publishedOn: property('publishedOn'),
      kind: property('kind'),
      note: property('note'),
      supports,
    },
  },
  SupportedFact: {
    fields: {
      subject: (field, { subject }, compiler) => compiler.node('Entity', field, subject),
      relation: (_field, { relation }) => relation,
      object: (field, { object }, compiler) => compiler.optionalNode('Entity', field, object),
      validFrom: (_field, { validFrom }) => validFrom,
      validTo: (_field, { validTo }) => validTo,
      onlySource: (_field, { onlySource }) => onlySource,
      // The sort key; the API turns it into an opaque cursor (src/graphql/from-parent.ts).
      cursor: (_field, { key }) => key,
    },
  },
};

export interface SourcesFilter {
  text?: string | null;
  kind?: string | null;
}

/** Sources in id order, narrowed by words in the title or publisher and by kind. */
export const sourcesPage = (filter: SourcesFilter, first: number, after: string | null) => (selection: Selection, compiler: Compiler) => {
  const pages = byId('Source', after, (source) => [
    filter.text ? mentions(source, filter.text, ['title', 'publisher']) : undefined,
    filter.kind ? Cypher.eq(source.property('kind'), new Cypher.Param(filter.kind)) : undefined,
  ]);
  return new Cypher.Return([connection(selection, compiler, 'SourceConnection', pages, { first, hasAfter: after !== null }), VALUE]);
};
