import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import { Graph } from '../../neo4j/graph';
import { statementOf } from '../../read/statement';
import { kindOfId } from '../entities';
import { namedEntities } from '../history/names';
import { nameLookup } from '../search/names';
import { namesSubquery } from '../search/search.read';

/** A committed Change as the feed delivers it (`at` as the driver returns it; the DateTime scalar serialises it). */
export interface FedChange {
  id: string;
  position: string;
  at: unknown;
  editor: string;
  operation: string;
  entityIds: string[];
}

/** What one follower wants: changes touching one of `entityIds` (any when null), made by one of `operations` (any when null). */
export interface FeedFilter {
  entityIds: ReadonlySet<string> | null;
  operations: ReadonlySet<string> | null;
}

export interface ChangeFeedOptions {
  /** Milliseconds between two reads of the feed while anyone follows it. */
  intervalMs: number;
  /** Changes one read returns at most; a full page is followed at once by the next. */
  pageSize: number;
  /** Changes a follower may have waiting undelivered; past it the follower is ended with an error. */
  maxBacklog: number;
  /** Told when a read of the feed fails (it is retried on the next tick). */
  onError?: (error: unknown) => void;
}

/** Thrown to a follower that reads slower than changes commit, past ChangeFeedOptions.maxBacklog. */
export class FollowerTooSlow extends Error {}

/** Changes after a position, oldest first, at most `first`: one statement, the builder's. */
export function changesAfter(position: number, first: number) {
  const change = new Cypher.Node();
  const clause = new Cypher.Match(new Cypher.Pattern(change, { labels: ['Change'] }))
    .where(Cypher.gt(change.property('position'), new Cypher.Param(neo4j.int(position))))
    .return(
      [change.property('id'), 'id'],
      [Cypher.toString(change.property('position')), 'position'],
      [change.property('at'), 'at'],
      [change.property('editor'), 'editor'],
      [change.property('operation'), 'operation'],
      [change.property('entityIds'), 'entityIds'],
    )
    .orderBy([change.property('position'), 'ASC'])
    .limit(new Cypher.Literal(first));
  return statementOf('changeFeed', clause);
}

/** The newest position, 0 before the first change. */
export function latestPosition() {
  const sequence = new Cypher.Node();
  const clause = new Cypher.OptionalMatch(new Cypher.Pattern(sequence, { labels: ['ChangeSequence'], properties: { id: new Cypher.Literal('changes') } }))
    .return([Cypher.toString(Cypher.coalesce(sequence.property('last'), new Cypher.Literal(0))), 'last']);
  return statementOf('changeFeedLatest', clause);
}

/**
 * The ids an entity argument stands for: the id itself when it names an existing entity, else
 * what the name resolves to by names.ts's lookups (history/names.ts). Empty when nothing matches.
 */
export async function resolveEntity(graph: Graph, entity: string): Promise<string[]> {
  const kind = kindOfId(entity);
  const found = new Cypher.NamedNode('node');
  let clause: Cypher.Clause;
  if (kind) {
    clause = new Cypher.Match(new Cypher.Pattern(found, { labels: [kind.type], properties: { id: new Cypher.Param(entity) } })).return([found.property('id'), 'id']);
  } else {
    const names = nameLookup(entity);
    if (!names) return [];
    clause = Cypher.utils.concat(namesSubquery(namedEntities, names), new Cypher.Return([found.property('id'), 'id']));
  }
  const statement = statementOf('changeFeedEntity', clause);
  const rows = await graph.read<{ id: string }>(statement.query, statement.params);
  return [...new Set(rows.map((row) => row.id))];
}

function matches(change: FedChange, filter: FeedFilter): boolean {
  if (filter.operations && !filter.operations.has(change.operation)) return false;
  return !filter.entityIds || change.entityIds.some((id) => filter.entityIds!.has(id));
}

interface Follower {
  /** The position of the last change this follower has seen (delivered or filtered out). */
  last: number;
  /** Live changes that arrived while the follower was still replaying. */
  held: FedChange[] | null;
  push(changes: FedChange[]): void;
  end(error?: Error): void;
}

/**
 * The commit-ordered feed, followed by everyone through one poller: while anyone follows, it reads
 * the changes after the last position it saw every `intervalMs` and hands them to every follower.
 * A follower never misses or repeats a change: positions follow commit order (change.writes.ts),
 * a follower replays from its own position before it takes live changes, and every follower keeps
 * the position it has reached, skipping anything at or below it.
 */
export class ChangeFeed {
  private readonly followers = new Set<Follower>();
  /** The newest position the poller has read; null until the first follower arrives. */
  private polled: number | null = null;
  private starting: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly graph: Graph,
    private readonly options: ChangeFeedOptions,
  ) {}

  /** How many follow the feed now. */
  get followerCount(): number {
    return this.followers.size;
  }

  /** Changes after `after` (from now when null) that pass the filter, oldest first, until the iterator is returned or the feed closes. */
  follow(after: number | null, filter: FeedFilter): AsyncIterableIterator<FedChange> {
    const queue: FedChange[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    let failure: Error | undefined;
    const notify = () => {
      wake?.();
      wake = null;
    };
    const follower: Follower = {
      last: 0,
      held: [],
      push: (changes) => {
        for (const change of changes) {
          const position = Number(change.position);
          if (position <= follower.last) continue;
          follower.last = position;
          if (matches(change, filter)) queue.push(change);
        }
        if (queue.length > this.options.maxBacklog) follower.end(new FollowerTooSlow(`More than ${this.options.maxBacklog} changes waited undelivered: resubscribe with \`after\` set to the last position received.`));
        notify();
      },
      end: (error) => {
        if (ended) return;
        ended = true;
        failure = error;
        this.followers.delete(follower);
        this.stopWhenIdle();
        notify();
      },
    };
    let started: Promise<void> | null = null;
    const start = async () => {
      if (this.closed) return follower.end();
      this.followers.add(follower);
      const now = await this.start();
      follower.last = after ?? now;
      // Replay: everything committed after `after`, page by page, until a page comes back short.
      if (after !== null) {
        for (;;) {
          const page = await this.read(follower.last);
          if (ended) return;
          follower.push(page);
          if (page.length < this.options.pageSize) break;
        }
      }
      const held = follower.held ?? [];
      follower.held = null;
      follower.push(held);
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<FedChange>> {
        try {
          started ??= start();
          await started;
        } catch (error) {
          follower.end();
          throw error;
        }
        for (;;) {
          const change = queue.shift();
          if (change) return { value: change, done: false };
          if (ended) {
            if (failure) throw failure;
            return { value: undefined, done: true };
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      },
      async return(): Promise<IteratorResult<FedChange>> {
        follower.end();
        queue.length = 0;
        return { value: undefined, done: true };
      },
      async throw(error: unknown): Promise<IteratorResult<FedChange>> {
        follower.end();
        throw error;
      },
    };
  }

  /** Ends every follower and stops polling; waits for a read in flight. */
  async close(): Promise<void> {
    this.closed = true;
    for (const follower of [...this.followers]) follower.end();
    this.stopWhenIdle();
    await this.polling;
  }

  private async read(after: number): Promise<FedChange[]> {
    const statement = changesAfter(after, this.options.pageSize);
    return this.graph.read<FedChange>(statement.query, statement.params);
  }

  /** The position live changes start after; the poller starts with the first follower. */
  private start(): Promise<number> {
    if (this.polled !== null && this.timer !== null) return Promise.resolve(this.polled);
    this.starting ??= (async () => {
      const statement = latestPosition();
      const [row] = await this.graph.read<{ last: string }>(statement.query, statement.params);
      this.polled = Number(row?.last ?? 0);
      this.timer = setInterval(() => this.tick(), this.options.intervalMs);
      this.timer.unref();
      return this.polled;
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private tick(): void {
    if (this.polling || this.polled === null) return;
    this.polling = this.poll()
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.polling = null;
      });
  }

  private async poll(): Promise<void> {
    for (;;) {
      if (this.polled === null || this.followers.size === 0) return;
      const page = await this.read(this.polled);
      if (page.length === 0 || this.timer === null) return;
      this.polled = Number(page[page.length - 1].position);
      for (const follower of this.followers) {
        if (follower.held) follower.held.push(...page);
        else follower.push(page);
      }
      if (page.length < this.options.pageSize) return;
    }
  }

  /** With no follower left the poller stops, and the next follower starts it from the newest position again. */
  private stopWhenIdle(): void {
    if (this.followers.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.polled = null;
  }
}
