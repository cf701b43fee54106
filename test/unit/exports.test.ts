import { parse } from 'csv-parse/sync';
import { manifestStatement, nodePageStatement, plainValue, relationshipPageStatement } from '../../src/export/graph-dump';
import { COUNTRIES, ExportRefused, fileNameOf, LIST_EXPORTS, RULES, startListExport, TIER_COUNTRIES, variablesOf } from '../../src/export/lists';
import { csvOf } from '../../src/http/exports';
import { Date as Neo4jDate, DateTime } from 'neo4j-driver';

describe('list exports', () => {
  it('names each parameter after the API argument its variable feeds', () => {
    expect(Object.fromEntries([...RULES.parameters.values()].map((parameter) => [parameter.name, parameter.argumentName]))).toEqual({
      kinds: 'filter.kinds', inForceOn: 'filter.inForceOn', issuedFrom: 'filter.issuedFrom', issuedTo: 'filter.issuedTo', status: 'filter.status',
      statusOn: 'filter.statusOn', cfrPart: 'filter.cfrPart', text: 'filter.text', touching: 'filter.touching', touchingVia: 'filter.touchingVia', issuedByAgencyId: 'filter.issuedByAgencyId',
      orderBy: 'orderBy',
    });
    expect([...COUNTRIES.parameters.keys()]).toEqual(['asOf']);
    for (const list of LIST_EXPORTS.values()) {
      expect(list.parameters.has('first')).toBe(false);
      expect(list.parameters.has('after')).toBe(false);
    }
  });

  it('turns query-string text into variables by their types, leaving bad text for the API to refuse', () => {
    expect(variablesOf(RULES, { kinds: 'FINAL_RULE, GUIDANCE', inForceOn: '2025-03-01' }, '2026-01-01')).toEqual({ kinds: ['FINAL_RULE', 'GUIDANCE'], inForceOn: '2025-03-01' });
    expect(variablesOf(RULES, { kinds: ['FINAL_RULE', 'GUIDANCE,RESCISSION'] }, '2026-01-01')).toEqual({ kinds: ['FINAL_RULE', 'GUIDANCE', 'RESCISSION'] });
    const products = LIST_EXPORTS.get('chipProducts')!;
    expect(variablesOf(products, { minTpp: '4800', maxTpp: '1e4' }, '2026-01-01')).toEqual({ minTpp: 4800, maxTpp: 10000 });
    expect(variablesOf(products, { minTpp: 'lots' }, '2026-01-01')).toEqual({ minTpp: 'lots' });
    expect(variablesOf(COUNTRIES, {}, '2026-01-01')).toEqual({ asOf: '2026-01-01' });
    expect(variablesOf(COUNTRIES, { asOf: '2025-03-01' }, '2026-01-01')).toEqual({ asOf: '2025-03-01' });
  });

  it('refuses an unknown parameter, or one value given twice, as BAD_USER_INPUT naming it', () => {
    const refusal = (query: Record<string, unknown>) => {
      try {
        variablesOf(RULES, query, '2026-01-01');
      } catch (error) {
        expect(error).toBeInstanceOf(ExportRefused);
        return (error as ExportRefused).errors[0].extensions;
      }
      throw new Error('not refused');
    };
    expect(refusal({ first: '5' })).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(refusal({ text: ['a', 'b'] })).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'filter.text', parameter: 'text' });
    expect(refusal({ text: { nested: 'x' } })).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'filter.text', parameter: 'text' });
  });

  it('follows the cursors to the end, refuses past the row cap before any row, and maps API errors to parameters', async () => {
    const pages = [
      { totalCount: 3, pageInfo: { hasNextPage: true, endCursor: 'c1' }, edges: [{ node: { id: 'source:a' } }, { node: { id: 'source:b' } }] },
      { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: 'c2' }, edges: [{ node: { id: 'source:c' } }] },
    ];
    const sources = LIST_EXPORTS.get('sources')!;
    const afters: unknown[] = [];
    const execute = async (_document: string, variables: Record<string, unknown>) => {
      afters.push(variables.after);
      return { data: { sources: pages[afters.length - 1] } };
    };
    const run = await startListExport(sources, { kind: 'NEWS_REPORT' }, execute, 10);
    const rows = [];
    for await (const page of run.pages) rows.push(...page);
    expect(rows.map((row) => row.id)).toEqual(['source:a', 'source:b', 'source:c']);
    expect(afters).toEqual([null, 'c1']);

    await expect(startListExport(sources, {}, async () => ({ data: { sources: pages[0] } }), 2)).rejects.toMatchObject({
      errors: [{ extensions: { code: 'EXPORT_TOO_LARGE', limit: 2, totalCount: 3 } }],
    });
    const apiError = { message: 'Variable "$text" has an invalid value', extensions: { code: 'BAD_USER_INPUT', variableName: 'text', http: { status: 400 } } };
    await expect(startListExport(sources, {}, async () => ({ errors: [apiError] }), 2)).rejects.toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', variableName: 'text', argumentName: 'text', parameter: 'text' } }],
    });
  });
});

describe('the countries of one tier', () => {
  const page = {
    totalCount: 1,
    pageInfo: { hasNextPage: false, endCursor: 'c1' },
    edges: [{ node: { id: 'country:SG', code: 'SG', name: 'Singapore', tierAssignments: [
      { validFrom: '2025-01-13', validTo: '2025-05-13', tier: { id: 'tier:ai-diffusion-2' } },
      { validFrom: '2025-01-13', validTo: null, tier: { id: 'tier:other' } },
      { validFrom: '2026-01-01', validTo: null, tier: { id: 'tier:ai-diffusion-2' } },
    ] } }],
  };

  it('reads Tier.countries below tier(id:), naming each parameter after its argument and field', () => {
    expect(TIER_COUNTRIES.path).toEqual(['tier', 'countries']);
    expect(Object.fromEntries([...TIER_COUNTRIES.parameters.values()].map((parameter) => [parameter.name, [parameter.argumentName, parameter.fieldPath]]))).toEqual({
      tier: ['id', 'tier'], asOf: ['asOf', 'tier.countries'],
    });
    expect(LIST_EXPORTS.get('tierCountries')).toBe(TIER_COUNTRIES);
    expect(fileNameOf(TIER_COUNTRIES, { tier: 'tier:ai-diffusion-2', asOf: '2025-03-01' }, 'csv', '2026-01-01')).toBe('tierCountries-ai-diffusion-2-asof-2025-03-01.csv');
    expect(fileNameOf(TIER_COUNTRIES, { tier: 'tier:ai-diffusion-2' }, 'csv', '2026-01-01')).toBe('tierCountries-ai-diffusion-2.csv');
    expect(fileNameOf(COUNTRIES, { asOf: '2025-03-01' }, 'csv', '2026-01-01')).toBe('countries-asof-2025-03-01.csv');
  });

  it('gives each country its periods in this tier only, and refuses a tier the graph does not have as NOT_FOUND naming tier', async () => {
    const run = await startListExport(TIER_COUNTRIES, { tier: 'tier:ai-diffusion-2' }, async () => ({ data: { tier: { countries: page } } }), 10);
    const rows = [];
    for await (const rowsOfPage of run.pages) rows.push(...rowsOfPage);
    expect(rows).toEqual([{
      id: 'country:SG', code: 'SG', name: 'Singapore', tierId: 'tier:ai-diffusion-2', inTierFrom: ['2025-01-13', '2026-01-01'], inTierUntil: ['2025-05-13', ''],
    }]);
    await expect(startListExport(TIER_COUNTRIES, { tier: 'tier:none' }, async () => ({ data: { tier: null } }), 10)).rejects.toMatchObject({
      errors: [{ message: 'No tier answers to tier="tier:none".', extensions: { code: 'NOT_FOUND', argumentName: 'id', parameter: 'tier' } }],
    });
    await expect(startListExport(TIER_COUNTRIES, { tier: 'tier:x' }, async () => ({ data: { tier: { countries: null } } }), 10)).rejects.toMatchObject({
      errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });
});

describe('CSV of the exports', () => {
  it('writes RFC 4180 and reads back the same values', () => {
    const rows = [{ a: 'x "y", z\nw', b: ['one', 'two'], c: null }, { a: 'plain', b: [], c: 4.5 }];
    const text = csvOf(['a', 'b', 'c'], rows, true);
    expect(text).toBe('a,b,c\r\n"x ""y"", z\nw",one; two,\r\nplain,,4.5\r\n');
    expect(parse(text, { columns: true, record_delimiter: '\r\n' })).toEqual([{ a: 'x "y", z\nw', b: 'one; two', c: '' }, { a: 'plain', b: '', c: '4.5' }]);
    expect(csvOf(['a'], [], true)).toBe('a\r\n');
  });
});

describe('graph dump', () => {
  it('pages nodes and relationships by key, with the label as the builder escapes it', () => {
    expect(nodePageStatement('Country', 'country:AD', 2)).toMatchSnapshot();
    expect(relationshipPageStatement('Rule', { from: 'rule:a', key: '5:x:1' }, 2)).toMatchSnapshot();
    expect(nodePageStatement('Odd`Label', '').query.cypher).toContain('MATCH (this0:`Odd``Label`)');
  });

  it('counts the manifest with one count-store read per label and type, names escaped by the builder', () => {
    expect(manifestStatement(['Country', 'Odd`Label'], ['IN_TIER']).cypher).toMatchSnapshot();
  });

  it('writes dates and times as ISO 8601 strings', () => {
    expect(plainValue(new Neo4jDate(2025, 3, 1))).toBe('2025-03-01');
    expect(plainValue([new Neo4jDate(2025, 3, 1)])).toEqual(['2025-03-01']);
    expect(plainValue(new DateTime(2025, 3, 1, 12, 30, 0, 5_000_000, 0))).toBe('2025-03-01T12:30:00.005Z');
  });
});
