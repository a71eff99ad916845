package dev.cimanager.app.execution;

import dev.cimanager.app.errors.ApiException;
import dev.cimanager.contracts.executions.ExecutionStatus;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded worker pool that runs executions ({@code execution.workers} at once; at most
 * {@code execution.maxQueued} more wait QUEUED, in order: beyond that a start is refused with 429 rather
 * than growing the queue, and its memory, without limit). Dropwizard-managed: {@link #start} first fails the executions a previous process left
 * QUEUED or RUNNING (nothing would ever finish them) and deletes their workspaces, before the server
 * accepts requests.
 */
public final class ExecutionEngine implements Managed {

  static final String RESTARTED_WHILE_RUNNING = "the server restarted while this execution was running";
  static final String RESTARTED_WHILE_QUEUED = "the server restarted before this execution could run";

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

  private final ExecutionStore store;
  private final ExecutionRunner runner;
  private final ExecutionWorkspaces workspaces;
  private final Clock clock;
  private final int workers;
  private final int maxQueued;
  private volatile ExecutorService pool;
  private volatile Semaphore queueSlots;

  ExecutionEngine(ExecutionStore store, ExecutionRunner runner, ExecutionWorkspaces workspaces, Clock clock,
      int workers, int maxQueued) {
    this.store = store;
    this.runner = runner;
    this.workspaces = workspaces;
    this.clock = clock;
    this.workers = workers;
    this.maxQueued = maxQueued;
  }

  @Override
  public void start() {
    failInterruptedExecutions();
    AtomicInteger threads = new AtomicInteger();
    queueSlots = new Semaphore(maxQueued);
    pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "execution-worker-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void stop() throws InterruptedException {
    ExecutorService current = pool;
    if (current == null) {
      return;
    }
    // interrupting the workers stops their commands; what does not end is failed by the next start
    current.shutdownNow();
    if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("execution workers did not stop within 30 s");
    }
  }

  /**
   * Stores a new QUEUED execution with {@code storeQueued} and queues it, or, when {@code maxQueued}
   * executions already wait for a worker, stores nothing and throws 429 {@code TOO_MANY_EXECUTIONS}.
   *
   * @return what {@code storeQueued} stored
   */
  public Execution enqueue(Supplier<Execution> storeQueued) {
    ExecutorService current = pool;
    Semaphore slots = queueSlots;
    if (current == null) {
      throw new IllegalStateException("the execution engine has not started");
    }
    if (!slots.tryAcquire()) {
      throw new ApiException(429, "TOO_MANY_EXECUTIONS", "tried to queue the execution but " + maxQueued
          + " executions are already waiting for a worker (execution.maxQueued); try again when some have started");
    }
    Execution execution;
    try {
      execution = storeQueued.get();
      String executionId = execution.executionId();
      current.execute(() -> {
        slots.release();
        try {
          runner.run(executionId);
        } catch (RuntimeException e) {
          LOG.error("execution {} could not be run", executionId, e);
        }
      });
    } catch (RuntimeException e) {
      // not stored, or stored but the pool is stopping (the next start fails it): the slot is free again
      slots.release();
      throw e;
    }
    return execution;
  }

  private void failInterruptedExecutions() {
    for (String executionId : store.activeExecutionIds()) {
      Optional<Execution> found = store.find(executionId);
      if (found.isEmpty() || found.get().status().isFinal()) {
        // a crash between the writes of an insert or a final save (which the runner follows with the delete)
        store.forgetActive(executionId);
        workspaces.delete(executionId);
        continue;
      }
      Execution execution = found.get();
      String reason = execution.status() == ExecutionStatus.QUEUED ? RESTARTED_WHILE_QUEUED : RESTARTED_WHILE_RUNNING;
      store.save(execution.interrupted(reason, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
      // a crash mid-build leaves the clone and build files behind; nothing will run in them again
      workspaces.delete(executionId);
      LOG.warn("execution {} was {} when the server stopped; marked FAILED", executionId, execution.status());
    }
  }
}
