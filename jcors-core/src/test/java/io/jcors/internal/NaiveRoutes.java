package io.jcors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A reference for route paths, written from the definition and nothing else: a route is a list of
 * segment tokens, each with its own meaning (a word, any one segment, a regex over one segment, or
 * any number of segments), matched against the path's segments by plain backtracking (exponential,
 * fine for the short inputs of the property tests). Random routes are built from the tokens, so
 * their source text and their meaning here come from the same table, not from {@link PathPattern}.
 */
final class NaiveRoutes {
  private NaiveRoutes() {}

  /** One segment of a route: its source text, and what it matches. */
  record Token(String source, Kind kind, String word, Pattern regex) {}

  enum Kind {
    WORD,
    ONE,
    REGEX,
    MANY
  }

  static final List<Token> TOKENS =
      List.of(
          word("a", "a"),
          word("b", "b"),
          word("ab", "ab"),
          word("x.json", "x.json"),
          word("\\:a", ":a"),
          word("a\\*", "a*"),
          word("\\{id}", "{id}"),
          new Token(":id", Kind.ONE, null, null),
          new Token("{id}", Kind.ONE, null, null),
          new Token("*", Kind.ONE, null, null),
          regex("*.json", ".*\\.json"),
          regex("a*", "a.*"),
          regex("*b", ".*b"),
          regex("a*b", "a.*b"),
          regex("*a*", ".*a.*"),
          regex("a*a", "a.*a"),
          new Token("**", Kind.MANY, null, null),
          new Token("**", Kind.MANY, null, null));

  /** The segments of request paths: words the tokens match, and near misses. */
  static final String[] SEGMENTS = {
    "a", "b", "ab", "ba", "aab", "aa", "x.json", "y.json", "json", ":a", "a*", "{id}", "A", "v1"
  };

  private static Token word(String source, String word) {
    return new Token(source, Kind.WORD, word, null);
  }

  private static Token regex(String source, String regex) {
    return new Token(source, Kind.REGEX, null, Pattern.compile(regex));
  }

  /** A random route of up to {@code max} tokens. */
  static List<Token> route(Random random, int max) {
    int n = random.nextInt(max + 1);
    List<Token> route = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      route.add(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return route;
  }

  static String source(List<Token> route) {
    StringBuilder s = new StringBuilder();
    for (Token token : route) {
      s.append('/').append(token.source());
    }
    return s.length() == 0 ? "/" : s.toString();
  }

  /** A random normalised path of up to {@code max} segments, with a trailing / now and then. */
  static String path(Random random, int max) {
    int n = random.nextInt(max + 1);
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      segments.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    return path(segments, random.nextInt(4) == 0);
  }

  /** A path that {@code route} matches, its wildcards filled in at random. */
  static String pathOf(Random random, List<Token> route) {
    List<String> segments = new ArrayList<>();
    for (Token token : route) {
      switch (token.kind()) {
        case WORD -> segments.add(token.word());
        case ONE -> segments.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        case REGEX -> {
          String segment;
          do {
            segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
          } while (!token.regex().matcher(segment).matches());
          segments.add(segment);
        }
        case MANY -> {
          for (int k = random.nextInt(3); k > 0; k--) {
            segments.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
          }
        }
      }
    }
    return path(segments, random.nextInt(4) == 0);
  }

  private static String path(List<String> segments, boolean trailingSlash) {
    if (segments.isEmpty()) {
      return "/";
    }
    return "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
  }

  /** Whether {@code route} matches {@code path}, a normalised path. */
  static boolean matches(List<Token> route, String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<String> segments =
        trimmed.isEmpty() ? List.of() : List.of(trimmed.substring(1).split("/", -1));
    return matches(route, 0, segments, 0);
  }

  private static boolean matches(List<Token> route, int i, List<String> segments, int j) {
    if (i == route.size()) {
      return j == segments.size();
    }
    Token token = route.get(i);
    if (token.kind() == Kind.MANY) {
      for (int k = j; k <= segments.size(); k++) {
        if (matches(route, i + 1, segments, k)) {
          return true;
        }
      }
      return false;
    }
    if (j == segments.size()) {
      return false;
    }
    String segment = segments.get(j);
    boolean one =
        switch (token.kind()) {
          case WORD -> segment.equals(token.word());
          case ONE -> !segment.isEmpty();
          case REGEX -> !segment.isEmpty() && token.regex().matcher(segment).matches();
          case MANY -> throw new AssertionError();
        };
    return one && matches(route, i + 1, segments, j + 1);
  }

  /** The first of {@code routes} that matches {@code path}, or -1. */
  static int first(List<List<Token>> routes, String path) {
    for (int i = 0; i < routes.size(); i++) {
      if (matches(routes.get(i), path)) {
        return i;
      }
    }
    return -1;
  }
}
