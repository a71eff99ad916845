package dev.cimanager.app.execution;

import dev.cimanager.contracts.executions.ExecutionStatus;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executions from the queue every instance shares ({@link ExecutionQueue}): at most {@code
 * execution.workers} at once on this instance, each claimed with a lease that a renewer extends
 * while the run goes on. Dropwizard-managed.
 *
 * <ul>
 *   <li>A dispatcher claims queued executions whenever a worker is free: woken at once by a start
 *       on this instance or a finished run, and polling every {@code pollInterval} for starts on
 *       other instances. Of the queued ones it claims first those of the account with the fewest
 *       running, then of the account this instance served least recently, then the oldest: one
 *       account's backlog delays another account's run by at most one slot.
 *   <li>The same pass takes over executions whose lease expired (their instance died): one that had
 *       not started goes back to the queue, one that had ends FAILED "instance X stopped while
 *       running this execution". Nothing is run twice: a started run is never run again.
 *   <li>The renewer extends this instance's leases every {@code renewInterval}, notices abort
 *       requests there, and stops a run whose lease another instance took (its writes would be
 *       refused anyway).
 *   <li>Stopping stops claiming, lets running builds finish for {@code shutdownGrace}, then fails
 *       the rest.
 * </ul>
 */
public final class ExecutionEngine implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

  private final ExecutionStore store;
  private final ExecutionQueue queue;
  private final ExecutionRunner runner;
  private final ExecutionWorkspaces workspaces;
  private final InstanceRegistry instances;
  private final LegacyActiveExecutions legacy;
  private final Clock clock;
  private final InstanceIdentity identity;
  private final EngineTimings timings;
  private final int workers;
  private final int maxQueued;
  private final boolean exclusiveDatabase;
  private final Map<String, RunHandle> running = new ConcurrentHashMap<>();

  /**
   * The number of this instance's last claim of each account's runs (only the dispatcher touches
   * it).
   */
  private final Map<String, Long> lastClaimed = new HashMap<>();

  private long claims;
  private final Object wakeup = new Object();
  private boolean signalled;
  private volatile boolean claiming;
  private volatile Instant lastRenewal;
  private volatile ExecutorService pool;
  private volatile ScheduledExecutorService renewer;
  private volatile Thread dispatcher;

  /**
   * @param exclusiveDatabase whether this process alone uses the database (the embedded server):
   *     then a lease found at start-up belongs to a dead process whatever its owner, and is taken
   *     over at once
   */
  ExecutionEngine(
      ExecutionStore store,
      ExecutionQueue queue,
      ExecutionRunner runner,
      ExecutionWorkspaces workspaces,
      InstanceRegistry instances,
      LegacyActiveExecutions legacy,
      Clock clock,
      InstanceIdentity identity,
      EngineTimings timings,
      int workers,
      int maxQueued,
      boolean exclusiveDatabase) {
    this.store = store;
    this.queue = queue;
    this.runner = runner;
    this.workspaces = workspaces;
    this.instances = instances;
    this.legacy = legacy;
    this.clock = clock;
    this.identity = identity;
    this.timings = timings;
    this.workers = workers;
    this.maxQueued = maxQueued;
    this.exclusiveDatabase = exclusiveDatabase;
  }

  /** The failure message of an execution whose instance stopped while running it. */
  static String stoppedWhileRunning(String instanceId) {
    return "instance " + instanceId + " stopped while running this execution";
  }

  InstanceIdentity identity() {
    return identity;
  }

  @Override
  public void start() {
    recoverAtStart();
    instances.heartbeat(identity, 0, workers, now());
    lastRenewal = now();
    AtomicInteger threads = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            workers, task -> daemon(task, "execution-worker-" + threads.incrementAndGet()));
    renewer =
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "execution-lease-renewer"));
    renewer.scheduleWithFixedDelay(
        this::renewLeases,
        timings.renewInterval().toMillis(),
        timings.renewInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    claiming = true;
    dispatcher = daemon(this::dispatch, "execution-dispatcher");
    dispatcher.start();
    LOG.info(
        "execution engine started as instance {} ({} workers, lease {} s)",
        identity.id(),
        workers,
        timings.leaseDuration().toSeconds());
  }

  @Override
  public void stop() throws InterruptedException {
    if (dispatcher == null) {
      return;
    }
    claiming = false;
    signal();
    dispatcher.join(TimeUnit.SECONDS.toMillis(10));
    Instant graceEnds = now().plus(timings.shutdownGrace());
    while (!running.isEmpty() && now().isBefore(graceEnds)) {
      Thread.sleep(100);
    }
    if (!running.isEmpty()) {
      LOG.warn(
          "instance {} stops with {} executions still running; failing them",
          identity.id(),
          running.size());
      running
          .values()
          .forEach(handle -> handle.stop(new RunStop.Failed(stoppedWhileRunning(identity.id()))));
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("execution workers did not stop within 30 s");
      pool.shutdownNow();
    }
    renewer.shutdownNow();
    try {
      instances.remove(identity);
    } catch (RuntimeException e) {
      LOG.warn("could not remove instance {} from the instance list", identity.id(), e);
    }
  }

  /**
   * Stores a new QUEUED execution with {@code storeQueued} (which calls {@link
   * ExecutionStore#insert}) and makes it claimable, or, when {@code accountId} already has {@code
   * maxQueued} executions waiting, stores nothing and throws {@code QUEUE_FULL}. (Two starts racing
   * for the last place may both get it: the bound is exact up to the number of concurrent
   * requests.)
   *
   * @return what {@code storeQueued} stored
   */
  public Execution enqueue(String accountId, Supplier<Execution> storeQueued) {
    if (pool == null) {
      throw new IllegalStateException("the execution engine has not started");
    }
    if (queue.countWaiting(accountId) >= maxQueued) {
      throw new ExecutionException(
          ExecutionException.Reason.QUEUE_FULL,
          "tried to queue the execution but "
              + maxQueued
              + " executions are already waiting for a worker (execution.maxQueued); try again when some have started");
    }
    Execution execution = storeQueued.get();
    queue.markQueued(execution.executionId());
    signal();
    return execution;
  }

  /**
   * Asks this instance's run of {@code executionId}, if any, to abort now rather than at the next
   * renewal.
   */
  void abortIfRunningHere(String executionId, String abortedBy) {
    RunHandle handle = running.get(executionId);
    if (handle != null) {
      handle.stop(new RunStop.Aborted(abortedBy));
    }
  }

  /** How many executions this instance runs now. */
  int runningCount() {
    return running.size();
  }

  /** When this instance last renewed all its leases and its heartbeat. */
  Instant lastRenewal() {
    return lastRenewal;
  }

  Duration leaseDuration() {
    return timings.leaseDuration();
  }

  private void dispatch() {
    while (claiming) {
      try {
        dispatchOnce();
      } catch (RuntimeException e) {
        LOG.warn("instance {} could not read the execution queue; trying again", identity.id(), e);
      }
      awaitSignal(timings.pollInterval());
    }
  }

  private void dispatchOnce() {
    List<QueueEntry> entries = queue.all();
    Instant now = now();
    for (QueueEntry entry : entries) {
      if (entry.leaseExpired(now) && !running.containsKey(entry.executionId())) {
        queue
            .takeOver(entry, identity.id(), now.plus(timings.leaseDuration()))
            .ifPresent(mine -> endOrRequeue(entry.owner(), mine));
      } else if (entry.state() == QueueEntry.State.PENDING
          && entry.queuedAt().isBefore(now.minus(timings.leaseDuration()))) {
        settlePending(entry);
      }
    }
    claimFairly(entries, now);
  }

  /**
   * Claims queued executions while workers are free: each time one of the account with the fewest
   * executions running (on any instance, counting those claimed in this pass), then of the account
   * served least recently, the oldest first.
   */
  private void claimFairly(List<QueueEntry> entries, Instant now) {
    Map<String, Integer> runningPerAccount = new HashMap<>();
    List<QueueEntry> queued = new ArrayList<>();
    for (QueueEntry entry : entries) {
      if (entry.state() == QueueEntry.State.RUNNING) {
        runningPerAccount.merge(entry.accountId(), 1, Integer::sum);
      } else if (entry.state() == QueueEntry.State.QUEUED) {
        queued.add(entry);
      }
    }
    while (claiming && running.size() < workers && !queued.isEmpty()) {
      QueueEntry next =
          queued.stream()
              .min(
                  Comparator.<QueueEntry>comparingInt(
                          entry -> runningPerAccount.getOrDefault(entry.accountId(), 0))
                      .thenComparingLong(entry -> lastClaimed.getOrDefault(entry.accountId(), 0L))
                      .thenComparing(QueueEntry::queuedAt))
              .orElseThrow();
      queued.remove(next);
      Optional<QueueEntry> claimed =
          queue.claim(next, identity.id(), now.plus(timings.leaseDuration()));
      if (claimed.isPresent()) {
        runningPerAccount.merge(next.accountId(), 1, Integer::sum);
        lastClaimed.put(next.accountId(), ++claims);
        startRun(claimed.get());
      }
    }
  }

  private void startRun(QueueEntry lease) {
    RunHandle handle = new RunHandle(lease);
    running.put(lease.executionId(), handle);
    if (lease.abortedBy() != null) {
      handle.stop(new RunStop.Aborted(lease.abortedBy()));
    }
    try {
      pool.execute(() -> runClaimed(handle));
    } catch (RuntimeException e) {
      // the pool is stopping: the lease expires and another instance (or the next start) runs it
      running.remove(lease.executionId());
      throw e;
    }
  }

  private void runClaimed(RunHandle handle) {
    String executionId = handle.executionId();
    handle.bind(Thread.currentThread());
    try {
      store.fence(executionId, handle.leaseVersion());
      runner.run(executionId, handle);
    } catch (RuntimeException e) {
      if (!endStopped(handle)) {
        LOG.error("execution {} could not be run", executionId, e);
      }
    } finally {
      handle.finish();
      try {
        queue.remove(executionId, handle.leaseVersion());
      } catch (RuntimeException e) {
        // the lease expires; whoever takes it over finds the execution ended and removes the entry
        LOG.warn("could not remove the queue entry of execution {}", executionId, e);
      }
      running.remove(executionId);
      signal();
    }
  }

  /**
   * A stop that interrupted the run before the runner could take care of it (a database call at its
   * very start): end the execution as the stop says. False when there was no stop to honour.
   */
  private boolean endStopped(RunHandle handle) {
    Optional<RunStop> stop = handle.stop();
    if (stop.isEmpty() || stop.get() instanceof RunStop.LeaseLost) {
      return stop.isPresent();
    }
    Thread.interrupted();
    Optional<Execution> found =
        store.find(handle.executionId()).filter(execution -> !execution.status().isFinal());
    found.ifPresent(
        execution ->
            store.saveFenced(
                stop.get() instanceof RunStop.Aborted aborted
                    ? execution.aborted(aborted.by(), now())
                    : execution.interrupted(((RunStop.Failed) stop.get()).reason(), now()),
                handle.leaseVersion()));
    return true;
  }

  /**
   * Ends, or puts back in the queue, an execution just taken over from {@code previousOwner}: one
   * that had not started runs again (from the queue); one that had is FAILED, since part of it (a
   * push, a signature) may already have happened and must not happen twice.
   */
  private void endOrRequeue(String previousOwner, QueueEntry mine) {
    String executionId = mine.executionId();
    store.fence(executionId, mine.leaseVersion());
    Optional<Execution> found = store.find(executionId);
    if (found.isEmpty() || found.get().status().isFinal()) {
      queue.remove(executionId, mine.leaseVersion());
      return;
    }
    Execution execution = found.get();
    if (execution.status() == ExecutionStatus.QUEUED) {
      queue.release(executionId, mine.leaseVersion());
      LOG.warn(
          "instance {} took execution {} over from instance {}, which stopped before running it; queued again",
          identity.id(),
          executionId,
          previousOwner);
      signal();
      return;
    }
    Instant now = now();
    store.saveFenced(
        mine.abortedBy() != null
            ? execution.aborted(mine.abortedBy(), now)
            : execution.interrupted(stoppedWhileRunning(previousOwner), now),
        mine.leaseVersion());
    if (exclusiveDatabase || identity.id().equals(previousOwner)) {
      // the workspace is in this instance's data directory only if the run was this instance's
      workspaces.delete(executionId);
    }
    queue.remove(executionId, mine.leaseVersion());
    LOG.warn(
        "instance {} took execution {} over from instance {}, which stopped while running it; marked FAILED",
        identity.id(),
        executionId,
        previousOwner);
  }

  /** An entry left PENDING for a lease duration: the request that stored it died midway. */
  private void settlePending(QueueEntry entry) {
    Optional<Execution> stored = store.find(entry.executionId());
    if (stored.isPresent() && stored.get().status() == ExecutionStatus.QUEUED) {
      queue.markQueued(entry.executionId());
    } else if (stored.isEmpty() || stored.get().status().isFinal()) {
      queue.remove(entry.executionId(), entry.leaseVersion());
    }
  }

  /**
   * Leases this process's previous incarnation held cannot be renewed by anyone: take them over now
   * rather than after they expire. They are those of this instance id, or every one when the
   * database is this process's alone.
   */
  private void recoverAtStart() {
    Instant now = now();
    int legacyFailed = legacy.failLeftovers(now);
    if (legacyFailed > 0) {
      LOG.warn("failed {} executions an earlier version left unfinished", legacyFailed);
    }
    for (QueueEntry entry : queue.all()) {
      boolean mineBefore = exclusiveDatabase || identity.id().equals(entry.owner());
      if (entry.state() == QueueEntry.State.RUNNING && mineBefore) {
        queue
            .takeOver(entry, identity.id(), now.plus(timings.leaseDuration()))
            .ifPresent(mine -> endOrRequeue(entry.owner(), mine));
      } else if (entry.state() == QueueEntry.State.PENDING && exclusiveDatabase) {
        settlePending(entry);
      }
    }
  }

  private void renewLeases() {
    Instant now = now();
    boolean renewedAll = true;
    for (RunHandle handle : running.values()) {
      try {
        Optional<QueueEntry> renewed =
            queue.renew(
                handle.executionId(), handle.leaseVersion(), now.plus(timings.leaseDuration()));
        if (renewed.isEmpty()) {
          handle.stop(new RunStop.LeaseLost());
        } else if (renewed.get().abortedBy() != null) {
          handle.stop(new RunStop.Aborted(renewed.get().abortedBy()));
        }
      } catch (RuntimeException e) {
        renewedAll = false;
        LOG.warn(
            "instance {} could not renew its lease on execution {}",
            identity.id(),
            handle.executionId(),
            e);
      }
    }
    try {
      instances.heartbeat(identity, running.size(), workers, now);
    } catch (RuntimeException e) {
      renewedAll = false;
      LOG.warn("instance {} could not write its heartbeat", identity.id(), e);
    }
    if (renewedAll) {
      lastRenewal = now;
    } else if (lastRenewal.plus(timings.leaseDuration()).isBefore(now)) {
      // our leases have expired and another instance may be taking these runs over: stop them here
      running.values().forEach(handle -> handle.stop(new RunStop.LeaseLost()));
    }
  }

  private void signal() {
    synchronized (wakeup) {
      signalled = true;
      wakeup.notifyAll();
    }
  }

  private void awaitSignal(Duration timeout) {
    synchronized (wakeup) {
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        while (!signalled && claiming) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(wakeup, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        claiming = false;
      }
      signalled = false;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
