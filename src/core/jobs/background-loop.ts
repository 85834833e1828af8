// The timer loop shared by the outbox dispatcher, the job worker and the scheduler: one run at a time per loop,
// `kick()` for "there is new work, run soon", and `stop()` that waits for the run in progress.

/** The current moment; injected in tests to walk through retries and periods without waiting. */
export type Clock = () => Date;

/** The part of a pino/Fastify logger the background workers use. */
export interface WorkerLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** A logger that drops everything, for tests and tools. */
export const silentLogger: WorkerLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The wall clock. */
export const systemClock: Clock = () => new Date();

export interface BackgroundLoop {
  /** Runs the tick now and then every `intervalMs` after each run ends; calling it again does nothing. */
  start(intervalMs: number): void;
  /** Stops the timer and resolves once the run in progress (if any) has finished. */
  stop(): Promise<void>;
  /** Asks for a run as soon as possible; ignored when the loop is not started. */
  kick(): void;
  isRunning(): boolean;
}

/**
 * Runs `tick` on a timer, never two at once. `tick` resolves true when it left work behind (a full batch),
 * which schedules the next run at once instead of after the interval. Errors are logged, never thrown.
 */
export function createBackgroundLoop(name: string, tick: () => Promise<boolean>, logger: WorkerLogger): BackgroundLoop {
  let started = false;
  let intervalMs = 1000;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  let runAgainAtOnce = false;

  function schedule(delayMs: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runTick(), delayMs);
    // The HTTP server keeps the process alive; the loop alone must not (CLI tools, tests).
    timer.unref();
  }

  async function runTick(): Promise<void> {
    timer = undefined;
    if (current) {
      runAgainAtOnce = true;
      return;
    }
    let leftWork = false;
    current = (async () => {
      try {
        leftWork = await tick();
      } catch (error) {
        logger.error({ err: error, loop: name }, `${name}: run failed`);
      }
    })();
    await current;
    current = null;
    if (!started) return;
    const atOnce = leftWork || runAgainAtOnce;
    runAgainAtOnce = false;
    schedule(atOnce ? 0 : intervalMs);
  }

  return {
    start(everyMs: number): void {
      if (started) return;
      started = true;
      intervalMs = everyMs;
      schedule(0);
    },
    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
    kick(): void {
      if (!started) return;
      if (current) runAgainAtOnce = true;
      else schedule(0);
    },
    isRunning: () => started,
  };
}
