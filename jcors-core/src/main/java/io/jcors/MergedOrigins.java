package io.jcors;

import io.jcors.internal.OriginMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An {@code origin} list of a config file that names origin sources among its entries, {@code
 * ["https://app.example.com", {"file": "tenants.txt"}, {"jdbc": {...}}]}: the union of a static
 * part (the origins, patterns and regexes written in the list, compiled once as any list is) and of
 * each source's list, which each source keeps fresh on its own. A request is allowed when any part
 * allows it; an origin in several parts is one origin.
 *
 * <p>The static part is tried first and on its own ({@link Decision}): an origin it allows is
 * answered from decisions built ahead, with one lookup and no allocation, as with a plain list.
 * Only an origin it refuses asks the sources, in the order written.
 */
final class MergedOrigins implements OriginResolver {
  private final List<Object> written;
  private final List<Integer> indexes;
  private final List<OriginResolver> sources;
  private final List<String> paths;
  private final Origins fixed;
  private final CompletableFuture<Origins> fixedStage;

  private MergedOrigins(
      List<Object> written,
      List<Integer> indexes,
      List<OriginResolver> sources,
      List<String> paths,
      Origins fixed) {
    // Not List.copyOf: an entry may be null (a JSON null in the list), a problem that checked()
    // reports at its place rather than an exception here.
    this.written = Collections.unmodifiableList(new ArrayList<>(written));
    this.indexes = List.copyOf(indexes);
    this.sources = List.copyOf(sources);
    this.paths = List.copyOf(paths);
    this.fixed = fixed;
    this.fixedStage = fixed == null ? null : CompletableFuture.completedFuture(fixed);
  }

  /**
   * A merged list as written, checked when the options are built ({@link OptionsCheck}).
   *
   * @param written the static entries (origins, patterns, regexes), in order
   * @param indexes the place of each static entry in the list as written, for its problems
   * @param sources the origin functions of the sources, in order
   * @param paths the option path of each source ({@code origin[1].jdbc}), for its problems
   */
  static MergedOrigins written(
      List<Object> written,
      List<Integer> indexes,
      List<OriginResolver> sources,
      List<String> paths) {
    return new MergedOrigins(written, indexes, sources, paths, null);
  }

  /**
   * Checks the static entries under {@code origin[i]}, at their place in the list as written, and
   * each source that checks its own entries for the route's {@code credentials} and {@code strict}
   * (the rule of a source alone, {@link OriginCheck#checkSource}); the list compiled.
   */
  MergedOrigins checked(boolean credentials, boolean strict, List<CorsProblem> problems) {
    OriginMatcher.Builder matcher = new OriginMatcher.Builder();
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      Object entry = written.get(i);
      Object compiled =
          OriginCheck.entry(entry, "origin[" + indexes.get(i) + "]", problems, credentials);
      if (compiled != null) {
        matcher.add(compiled);
        kept.add(entry);
      }
    }
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) instanceof OriginList.Source) {
        OriginCheck.checkSource(
            (OriginList.Source) sources.get(i), paths.get(i), credentials, strict, problems);
      }
    }
    Origins compiled = Origins.compiledList(kept, matcher.build(), false);
    return new MergedOrigins(written, indexes, sources, paths, compiled);
  }

  /** The static part, compiled; null before {@link #checked}. */
  Origins fixed() {
    return fixed;
  }

  /**
   * The first answer that allows {@code requestOrigin}: the static part's, else each source's in
   * turn (a source still loading is waited for without holding a thread). When no part allows it,
   * the static part (a list that refuses it), or, when a source failed, that source's failure, as a
   * source alone would fail the request.
   */
  @Override
  public CompletionStage<Origins> resolve(String requestOrigin) {
    if (fixed.allows(requestOrigin)) {
      return fixedStage; // Decision answers these itself, from decisions built ahead
    }
    return fromSource(0, requestOrigin, null);
  }

  private CompletionStage<Origins> fromSource(int i, String requestOrigin, Throwable failed) {
    if (i == sources.size()) {
      return failed == null ? fixedStage : CompletableFuture.failedFuture(failed);
    }
    CompletionStage<Origins> stage;
    try {
      stage = sources.get(i).resolve(requestOrigin);
    } catch (RuntimeException e) {
      return fromSource(i + 1, requestOrigin, failed == null ? e : failed);
    }
    if (stage == null) {
      return fromSource(
          i + 1,
          requestOrigin,
          failed == null
              ? new NullPointerException(
                  "the origin function of " + paths.get(i) + " returned null")
              : failed);
    }
    if (stage instanceof CompletableFuture && ((CompletableFuture<Origins>) stage).isDone()) {
      // The usual case (a source answers from the list it loaded): no composition, no thread.
      CompletableFuture<Origins> done = (CompletableFuture<Origins>) stage;
      if (!done.isCompletedExceptionally()) {
        Origins origins = done.join();
        return origins != null && origins.allows(requestOrigin)
            ? done
            : fromSource(i + 1, requestOrigin, failed);
      }
    }
    return stage
        .handle(
            (origins, error) ->
                error != null
                    ? fromSource(i + 1, requestOrigin, failed == null ? error : failed)
                    : origins != null && origins.allows(requestOrigin)
                        ? CompletableFuture.completedFuture(origins)
                        : fromSource(i + 1, requestOrigin, failed))
        .thenCompose(next -> next);
  }

  /** The list as a config file writes it, each source by its own description. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (Object entry : written) {
      s.append(s.length() == 1 ? "" : ", ").append(Problems.render(entry));
    }
    for (int i = 0; i < sources.size(); i++) {
      s.append(s.length() == 1 ? "" : ", ")
          .append(paths.get(i))
          .append(": ")
          .append(sources.get(i));
    }
    return s.append(']').toString();
  }
}
