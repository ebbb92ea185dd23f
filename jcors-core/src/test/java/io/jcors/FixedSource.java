package io.jcors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An origin source that answers every request origin with the same {@link Origins} at once, says
 * which checks its entries had ({@link OriginList.Source}), and records the origins it was asked
 * about.
 */
final class FixedSource implements OriginList.Source {
  final Origins origins;
  final boolean credentials;
  final boolean strict;
  final List<String> asked = new ArrayList<>();
  private final String name;

  FixedSource(Origins origins, boolean credentials, boolean strict, String name) {
    this.origins = origins;
    this.credentials = credentials;
    this.strict = strict;
    this.name = name;
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

  /** The name that problems quote. */
  @Override
  public String toString() {
    return name;
  }
}
