package io.jcors.config;

import io.jcors.CorsProblem;
import io.jcors.OriginList;
import io.jcors.Origins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The origins of a {@code file} source while it is served: read when the configuration is read (a
 * file that cannot be read then is an error of the configuration), and, with {@code
 * refreshSeconds}, looked at every interval and read again when its size or modification time
 * changed. A request never waits on the file: {@link #resolve(String)} returns the completed stage
 * of the last good list. A read that fails later keeps that list and logs why. Each load is logged
 * with the file's name, and each entry that is skipped or risky with its line.
 */
final class FileOrigins implements OriginList.Source, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.jcors.config");

  /** How many problems of entries one load logs; the rest are counted in one line. */
  static final int MAX_LOGGED_PROBLEMS = 100;

  private final OriginFile.Settings settings;
  private final String name;
  private final boolean credentials;
  private final boolean strict;
  private final ScheduledThreadPoolExecutor refresher;

  /** The list in use, as the completed stage every request gets. */
  private volatile CompletableFuture<Origins> current;

  /** What the file looked like when it was read: refresh thread only after the first load. */
  private Object seen;

  private List<OriginFile.Line> lines;

  /**
   * Reads the file and, with a refresh interval, starts looking at it for changes.
   *
   * @throws IllegalArgumentException naming the file and why it cannot be used
   */
  FileOrigins(OriginFile.Settings settings, boolean credentials, boolean strict) {
    this.settings = settings;
    this.name = CorsProblem.quote(settings.path());
    this.credentials = credentials;
    this.strict = strict;
    try {
      // Looked at before it is read: a change while it is read is seen by the next refresh.
      seen = attributesOrNull();
      load(OriginFile.read(settings));
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (settings.refresh() == null) {
      refresher = null;
      return;
    }
    refresher =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "jcors-origin-file " + settings.path());
              t.setDaemon(true);
              return t;
            });
    refresher.setRemoveOnCancelPolicy(true);
    long every = settings.refresh().toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletionStage<Origins> resolve(String requestOrigin) {
    return current;
  }

  @Override
  public boolean checksCredentials() {
    return credentials;
  }

  @Override
  public boolean checksStrict() {
    return strict;
  }

  /** Stops looking at the file; the last list stays in use. */
  @Override
  public void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** {@code file "tenants.txt"}, for messages. */
  @Override
  public String toString() {
    return "file " + name;
  }

  /** Reads the file again when it changed; a failure keeps the list in use. */
  private void refresh() {
    try {
      Object now = attributesOrNull();
      if (Objects.equals(now, seen)) {
        return;
      }
      List<OriginFile.Line> read = OriginFile.read(settings);
      seen = now;
      if (read.equals(lines)) {
        return; // touched, not changed: nothing to swap or log again
      }
      load(read);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "jcors: could not read the allowed origins from file {0} again: {1}; still using the"
              + " list read before",
          name,
          CorsProblem.quote(
              e instanceof IOException || e instanceof IllegalStateException
                  ? e.getMessage()
                  : e.toString()));
    }
  }

  /** Checks and compiles the entries, swaps the list in, and logs the load and its problems. */
  private void load(List<OriginFile.Line> read) {
    OriginFile.Checked checked = OriginFile.check(read, "origin", credentials, strict);
    OriginList list = checked.list();
    current = CompletableFuture.completedFuture(list.origins());
    lines = read;
    LOG.log(
        System.Logger.Level.INFO,
        "jcors: loaded {0} entries from file {1}: {2} origins in use, {3} skipped",
        checked.lines(),
        name,
        list.size(),
        list.skipped().size());
    List<CorsProblem> problems = list.problems();
    for (int i = 0; i < Math.min(problems.size(), MAX_LOGGED_PROBLEMS); i++) {
      CorsProblem problem = problems.get(i);
      LOG.log(
          System.Logger.Level.WARNING,
          problem.severity() == CorsProblem.Severity.ERROR
              ? "jcors: skipping the entry at {0}: {1} {2}"
              : "jcors: using a risky entry at {0}: {1} {2}",
          CorsProblem.quote(checked.at(settings.path(), i)),
          problem.value(),
          problem.reason());
    }
    if (problems.size() > MAX_LOGGED_PROBLEMS) {
      LOG.log(
          System.Logger.Level.WARNING,
          "jcors: {0} more entries of file {1} have problems; they are not logged one by one",
          problems.size() - MAX_LOGGED_PROBLEMS,
          name);
    }
  }

  /** The file's key, size and modification time (a change of any is read again); null if none. */
  private Object attributesOrNull() {
    try {
      BasicFileAttributes a =
          Files.readAttributes(Path.of(settings.path()), BasicFileAttributes.class);
      return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return null; // the read that follows says why
    }
  }
}
