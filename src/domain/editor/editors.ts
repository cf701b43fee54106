import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** Editors who may write, from EDITOR_TOKENS ("alice:s3cret,bob:t0ken"). Only digests are kept. */
export class Editors {
  private constructor(private readonly editors: { name: string; digest: Buffer }[]) {}

  static parse(setting: string | undefined): Editors {
    const pairs = (setting ?? '').split(',').map((pair) => pair.trim()).filter(Boolean);
    return new Editors(
      pairs.map((pair) => {
        const colon = pair.indexOf(':');
        if (colon <= 0 || colon === pair.length - 1) throw new Error('EDITOR_TOKENS must be comma-separated name:token pairs');
        return { name: pair.slice(0, colon), digest: digest(pair.slice(colon + 1)) };
      }),
    );
  }

  /**
   * The editor's name for an Authorization header, or an error a client can switch on. Every
   * configured token is compared, in constant time, so timing tells nothing about which matched.
   */
  authenticate(authorization: string | undefined): string {
    if (this.editors.length === 0) {
      throw new GraphQLError('Writes are disabled: the server has no EDITOR_TOKENS configured.', { extensions: { code: 'FORBIDDEN' } });
    }
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      throw new GraphQLError('Writes need an editor token: send "Authorization: Bearer <token>".', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    const given = digest(token);
    let editor: string | null = null;
    for (const candidate of this.editors) if (timingSafeEqual(candidate.digest, given)) editor ??= candidate.name;
    if (!editor) throw new GraphQLError('That editor token is not valid.', { extensions: { code: 'FORBIDDEN' } });
    return editor;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
