import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RuleKind } from '../../src/domain/rule/rule.type';
import { cfrPartsOf, correctedNumberOf, correctionOf, FrDocument, mapDocument, ruleKindOf, searchUrl } from '../../src/import/federal-register';
import { fieldDiff, formatResult, ruleInputOf } from '../../src/import/fr-import';
import { parseArgs } from '../../src/import/fr-cli';

const fixture = (number: string): FrDocument =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../fixtures/federal-register/${number}.json`), 'utf8'));

describe('Federal Register mapping', () => {
  it('maps the recorded AI Diffusion Rule document', () => {
    expect(mapDocument(fixture('2025-00636'))).toEqual({
      documentNumber: '2025-00636',
      title: 'Framework for Artificial Intelligence Diffusion',
      kind: RuleKind.INTERIM_FINAL_RULE,
      citation: '90 FR 4544',
      publishedOn: '2025-01-15',
      effectiveOn: '2025-01-13',
      issuedOn: null,
      rin: '0694-AJ90',
      cfrParts: ['15 CFR 732', '15 CFR 734', '15 CFR 740', '15 CFR 742', '15 CFR 744', '15 CFR 748', '15 CFR 750', '15 CFR 762', '15 CFR 772', '15 CFR 774'],
      url: 'https://www.federalregister.gov/d/2025-00636',
      byBis: true,
      corrects: null,
    });
  });

  it('finds the rule a correcting amendment corrects by its title', () => {
    const mapped = mapDocument(fixture('2025-02655'));
    expect(mapped.kind).toBe(RuleKind.FINAL_RULE);
    expect(mapped.corrects).toEqual({
      documentNumber: null,
      title: 'Implementation of Additional Due Diligence Measures for Advanced Computing Integrated Circuits; Amendments and Clarifications; and Extension of Comment Period',
    });
  });

  it('reads correction_of as a number, a URL or an object, and the Correction type', () => {
    expect(correctedNumberOf('2025-00711')).toBe('2025-00711');
    expect(correctedNumberOf('https://www.federalregister.gov/api/v1/documents/2025-00711.json')).toBe('2025-00711');
    expect(correctedNumberOf({ document_number: '2025-00711' })).toBe('2025-00711');
    expect(correctedNumberOf(null)).toBeNull();
    const base = { document_number: '2025-99999', title: 'Some Rule', publication_date: '2025-03-01' };
    expect(correctionOf({ ...base, type: 'Correction', correction_of: '2025-00711' })).toEqual({ documentNumber: '2025-00711', title: null });
    expect(correctionOf({ ...base, type: 'Rule', action: 'Final rule.' })).toBeNull();
  });

  it('gives RuleKind from type and action', () => {
    expect(ruleKindOf('Rule', 'Interim final rule, with request for comment.')).toBe(RuleKind.INTERIM_FINAL_RULE);
    expect(ruleKindOf('Rule', 'Final rule.')).toBe(RuleKind.FINAL_RULE);
    expect(ruleKindOf('Rule', null, 'Something; Interim Final Rule')).toBe(RuleKind.INTERIM_FINAL_RULE);
    expect(ruleKindOf('Proposed Rule', 'Proposed rule.')).toBe(RuleKind.PROPOSED_RULE);
    expect(ruleKindOf('Notice', 'Notice.')).toBe(RuleKind.ANNOUNCEMENT);
    expect(ruleKindOf('Presidential Document')).toBeNull();
    expect(() => mapDocument({ document_number: '2025-99999', title: 'A proclamation', type: 'Presidential Document', publication_date: '2025-03-01' })).toThrow(/not a rule/);
  });

  it('writes CFR parts once each, ordered, and none as null', () => {
    expect(cfrPartsOf([{ title: 15, part: 774 }, { title: 15, part: 744 }, { title: 15, part: 774 }, { title: null, part: 1 }])).toEqual(['15 CFR 744', '15 CFR 774']);
    expect(cfrPartsOf([])).toBeNull();
    expect(cfrPartsOf(undefined)).toBeNull();
  });

  it('searches BIS documents since a date, oldest first', () => {
    const url = new URL(searchUrl('http://localhost:1/api/v1/', '2025-01-01'));
    expect(url.pathname).toBe('/api/v1/documents.json');
    expect(url.searchParams.getAll('conditions[agencies][]')).toEqual(['industry-and-security-bureau']);
    expect(url.searchParams.get('conditions[publication_date][gte]')).toBe('2025-01-01');
    expect(url.searchParams.getAll('fields[]')).toContain('regulation_id_numbers');
  });

  it('diffs a field: unset is set, same is nothing, different overwrites', () => {
    expect(fieldDiff('rin', null, '0694-AJ90')).toEqual({ field: 'rin', before: null, after: '0694-AJ90', overwrites: false });
    expect(fieldDiff('rin', '0694-AJ90', '0694-AJ90')).toBeNull();
    expect(fieldDiff('rin', '0694-AJ00', '0694-AJ90')).toEqual({ field: 'rin', before: '0694-AJ00', after: '0694-AJ90', overwrites: true });
    expect(fieldDiff('issuedOn', '2025-01-13', null)).toBeNull();
  });

  it('validates the rule a document gives as upsertRule validates its input', () => {
    const mapped = { ...mapDocument(fixture('2025-00636')), issuedOn: '2025-01-20' };
    const all = new Set(['documentNumber', 'citation', 'rin', 'cfrParts', 'publishedOn', 'effectiveOn', 'issuedOn']);
    expect(() => ruleInputOf(mapped, 'rule:ai-diffusion', RuleKind.INTERIM_FINAL_RULE, 'source:fr-2025-00636', all)).toThrow(/effectiveOn must not be before issuedOn/);
    expect(() => ruleInputOf({ ...mapped, issuedOn: null, rin: 'AJ90' }, null, RuleKind.INTERIM_FINAL_RULE, 'source:fr-2025-00636', all)).toThrow(/rin must look like/);
    const input = ruleInputOf({ ...mapped, issuedOn: null }, null, RuleKind.INTERIM_FINAL_RULE, 'source:fr-2025-00636', all);
    expect(input).toMatchObject({ title: 'Framework for Artificial Intelligence Diffusion', rin: '0694-AJ90', issuedByAgencyIds: ['agency:bis'], sourceIds: ['source:fr-2025-00636'] });
    expect(String(input.publishedOn)).toBe('2025-01-15');
  });

  it('prints a failed document as failed with nothing written', () => {
    expect(formatResult({ documentNumber: '2099-00404', status: 'failed', dryRun: false, error: 'HTTP 404' })).toBe('2099-00404  FAILED (nothing written): HTTP 404');
  });

  it('parses the command line', () => {
    expect(parseArgs(['2025-00636', '2025-02655'])).toEqual({ request: { documentNumbers: ['2025-00636', '2025-02655'] }, dryRun: false });
    expect(parseArgs(['--since', '2025-01-01', '--dry-run'])).toEqual({ request: { since: '2025-01-01' }, dryRun: true });
    expect(() => parseArgs([])).toThrow(/usage/);
    expect(() => parseArgs(['--since', 'yesterday'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseArgs(['--since', '2025-01-01', '2025-00636'])).toThrow(/not both/);
  });
});
