// Domain event topics (`case.accepted`) and the patterns subscribers register for: an exact topic, a prefix
// wildcard (`case.*` matches `case.accepted` and `case.deadline.warned`), or `*` for every event.

export const EVENT_TOPIC_PATTERN = /^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)+$/;

/** What a subscriber learns about the event besides topic and payload; `id` is stable across retries. */
export interface PublishedEvent {
  id: string;
  topic: string;
  unitId: string | null;
  createdAt: string;
  /** 1 for the first delivery; higher when a subscriber failed before and every subscriber runs again. */
  attempt: number;
}

/** Runs after the commit that published the event. Must be idempotent: a retry runs every subscriber again. */
export type EventHandler = (topic: string, payload: unknown, event: PublishedEvent) => Promise<void>;

/** One delivered event with its payload, as a batch handler gets it. */
export interface DeliveredEvent {
  topic: string;
  payload: unknown;
  event: PublishedEvent;
}

/**
 * Takes every matching event of a claimed batch at once (in outbox order). Throwing fails them all, and each is
 * delivered again later; the handler must be idempotent like any other.
 */
export type BatchEventHandler = (events: readonly DeliveredEvent[]) => Promise<void>;

export interface EventSubscription {
  pattern: string;
  handler: EventHandler;
  /**
   * When set, the dispatcher hands this subscriber all its events of a claimed batch in one call instead of
   * calling `handler` for each (a subscriber that reads and writes per event saves round trips this way).
   */
  batchHandler?: BatchEventHandler | undefined;
  /** Shown in `last_error` when this subscriber fails. */
  name?: string;
}

/** Throws when a topic to publish is not `<module>.<event>`. */
export function assertEventTopic(topic: string): void {
  if (checkedTopics.has(topic)) return;
  if (!EVENT_TOPIC_PATTERN.test(topic)) throw new Error(`Event topic "${topic}" must look like module.event`);
  checkedTopics.add(topic);
}

// The topics are a few dozen constants of the code, published on every transition: each is checked once.
const checkedTopics = new Set<string>();

/** Throws when a subscription pattern is neither a topic, `prefix.*` nor `*`. */
export function assertTopicPattern(pattern: string): void {
  if (pattern === '*') return;
  const prefix = pattern.endsWith('.*') ? pattern.slice(0, -2) : pattern;
  if (!/^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)*$/.test(prefix)) throw new Error(`Subscription pattern "${pattern}" must be a topic, prefix.* or *`);
}

/** True when `topic` is matched by `pattern`. */
export function matchesTopic(pattern: string, topic: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return topic.startsWith(pattern.slice(0, -1));
  return pattern === topic;
}
