package io.jcors.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a configured query is one statement that only reads: a {@code SELECT}, or {@code WITH ...
 * SELECT}. A second statement after {@code ;} runs with some drivers (pgjdbc sends both before it
 * complains about the second result), and a query that writes or locks has no business in a list
 * refreshed every few seconds. Literals, quoted names and comments are skipped as the SQL standard
 * and PostgreSQL read them ({@code '...'} with {@code ''}, {@code "..."}, {@code $tag$ ... $tag$},
 * {@code --} line comments and nested block comments), so a {@code ;} in a string is no second
 * statement. This catches mistakes; the database user that only may {@code SELECT} is the barrier.
 */
final class SelectQuery {
  /** Words that write, lock, change the schema or load code; none belongs in a list query. */
  private static final Set<String> REFUSED =
      Set.of(
          "ALTER",
          "ATTACH",
          "CALL",
          "COPY",
          "CREATE",
          "DELETE",
          "DETACH",
          "DO",
          "DROP",
          "EXEC",
          "EXECUTE",
          "GRANT",
          "INSERT",
          "INTO",
          "LOAD_EXTENSION",
          "LOCK",
          "MERGE",
          "PRAGMA",
          "REVOKE",
          "TRUNCATE",
          "UPDATE",
          "VACUUM");

  private SelectQuery() {}

  /** Why {@code query} is not one reading statement, completing "has the query ..."; or null. */
  static String whyNot(String query) {
    String first = null;
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && query.charAt(i + 1) == '-') {
        int end = query.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
        i = blockCommentEnd(query, i);
      } else if (c == '\'' || c == '"') {
        i = quotedEnd(query, i, c);
      } else if (c == '$' && dollarTag(query, i) != null) {
        String tag = dollarTag(query, i);
        int end = query.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
      } else if (c == ';') {
        if (!onlyCommentsFrom(query, i + 1)) {
          return "has a second statement after ';'; write one SELECT";
        }
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n
            && (Character.isLetterOrDigit(query.charAt(end))
                || query.charAt(end) == '_'
                || query.charAt(end) == '$')) {
          end++;
        }
        String word = query.substring(i, end).toUpperCase(Locale.ROOT);
        if (first == null) {
          first = word;
          if (!first.equals("SELECT") && !first.equals("WITH")) {
            return "starts with "
                + first
                + ", which is not a SELECT; write the SELECT whose first"
                + " column lists the origins, e.g. \"SELECT origin FROM cors_origins\"";
          }
        } else if (REFUSED.contains(word)) {
          return "contains "
              + word
              + ", which writes, locks or loads code; the query must only"
              + " read: write a plain SELECT (or WITH ... SELECT)";
        }
        i = end;
      } else {
        i++;
      }
    }
    return first == null
        ? "has no statement; write the SELECT whose first column lists the origins, e.g. \"SELECT"
            + " origin FROM cors_origins\""
        : null;
  }

  private static int blockCommentEnd(String query, int start) {
    int depth = 0;
    int i = start;
    while (i < query.length()) {
      if (query.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (query.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  /** The end of a literal or quoted name opened at {@code start}; a doubled quote stays inside. */
  private static int quotedEnd(String query, int start, char quote) {
    int i = start + 1;
    while (i < query.length()) {
      if (query.charAt(i) == quote) {
        if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** The PostgreSQL dollar-quote tag ({@code $$}, {@code $body$}) at {@code start}, or null. */
  private static String dollarTag(String query, int start) {
    int i = start + 1;
    while (i < query.length()
        && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
      i++;
    }
    if (i < query.length() && query.charAt(i) == '$') {
      String tag = query.substring(start, i + 1);
      return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag; // $1 is a parameter
    }
    return null;
  }

  private static boolean onlyCommentsFrom(String query, int start) {
    int i = start;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (query.startsWith("--", i)) {
        int end = query.indexOf('\n', i);
        i = end < 0 ? query.length() : end + 1;
      } else if (query.startsWith("/*", i)) {
        i = blockCommentEnd(query, i);
      } else {
        return false;
      }
    }
    return true;
  }
}
