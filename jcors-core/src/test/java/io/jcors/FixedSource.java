package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An origin source that answers every request origin with the same {@link Origins} at once, says
 * which checks its entries had ({@link OriginList.Source}), and records in {@code asked} the
 * origins it was asked about.
 *
 * @param name the name that problems quote ({@link #toString()})
 */
record FixedSource(
    Origins origins, boolean credentials, boolean strict, String name, List<String> asked)
    implements OriginList.Source {

  FixedSource(Origins origins, boolean credentials, boolean strict, String name) {
    this(origins, credentials, strict, name, new ArrayList<>());
  }

  /** A source of {@code entries} checked as rows are, for a route with these options. */
  static FixedSource listing(List<String> entries, boolean credentials, boolean strict) {
    Origins origins = OriginList.check(entries, "origin", credentials, strict).origins();
    return new FixedSource(origins, credentials, strict, "listed " + origins);
  }

  @Override
  public CompletionStage<Origins> resolve(String requestOrigin) {
    asked.add(requestOrigin);
    return CompletableFuture.completedFuture(origins);
  }

  @Override
  public boolean checksCredentials() {
    return credentials;
  }

  @Override
  public boolean checksStrict() {
    return strict;
  }

  @Override
  public String toString() {
    return name;
  }
}
