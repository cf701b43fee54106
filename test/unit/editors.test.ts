import { Editors } from '../../src/domain/editor/editors';

describe('Editors', () => {
  const editors = Editors.parse('alice:s3cret, bob:t0ken');

  it('names the editor a bearer token belongs to', () => {
    expect(editors.authenticate('Bearer s3cret')).toBe('alice');
    expect(editors.authenticate('bearer t0ken')).toBe('bob');
  });

  it('tells a missing token (UNAUTHENTICATED) from a wrong one (FORBIDDEN)', () => {
    const code = (header?: string) => {
      try {
        editors.authenticate(header);
        return 'accepted';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(code(undefined)).toBe('UNAUTHENTICATED');
    expect(code('Token s3cret')).toBe('UNAUTHENTICATED');
    expect(code('Bearer s3cre')).toBe('FORBIDDEN');
    expect(code('Bearer alice:s3cret')).toBe('FORBIDDEN');
  });

  it('disables writes when no tokens are configured, and rejects malformed settings', () => {
    expect(() => Editors.parse('').authenticate('Bearer anything')).toThrow(/EDITOR_TOKENS/);
    expect(() => Editors.parse('alice')).toThrow(/name:token/);
    expect(() => Editors.parse('alice:')).toThrow(/name:token/);
  });
});
