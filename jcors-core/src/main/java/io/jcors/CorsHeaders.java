package io.jcors;

import java.util.Collection;
import java.util.List;

/**
 * A server's response headers, as a {@link CorsDecision} writes them and keeps them: each adapter
 * implements it over its response type, without copying. What is kept, and how {@code Vary} is
 * merged, is written once, in {@link CorsDecision#writeTo(CorsRequest, CorsHeaders)} and {@link
 * CorsDecision#restoreOn(CorsRequest, CorsHeaders)}.
 *
 * <pre>{@code
 * Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
 * CorsHeaders response =
 *     new CorsHeaders() {
 *       public String get(String name) {
 *         return map.get(name);
 *       }
 *
 *       public void set(String name, String value) {
 *         map.put(name, value);
 *       }
 *     };
 * decision.writeTo(request, response);                          // when the decision is applied
 * response.set("Vary", decision.varyWith("Accept-Encoding"));   // the application sets Vary
 * map.clear();                                                  // the container resets the response
 * decision.restoreOn(request, response);                        // before it commits
 * assertEquals("https://app.example.com", response.get("Access-Control-Allow-Origin"));
 * assertEquals("Origin", response.get("Vary"));
 * }</pre>
 */
public interface CorsHeaders {
  /**
   * Every value of the header {@code name} (matched ignoring case) joined with {@code ", "}, or
   * null when the response has none.
   */
  String get(String name);

  /** Sets the header {@code name} to {@code value}, replacing every earlier line of it. */
  void set(String name, String value);

  /**
   * Whether the response has the header {@code name} (matched ignoring case): what {@link
   * CorsDecision#restoreOn(CorsRequest, CorsHeaders)} asks of each CORS header, so an adapter whose
   * server can answer it without reading the value (the JDK's {@code Headers} copies every name it
   * reads by) overrides it.
   *
   * <pre>{@code
   * decision.writeTo(request, response);
   * assertTrue(response.has("Access-Control-Allow-Origin"));
   * }</pre>
   */
  default boolean has(String name) {
    return get(name) != null;
  }

  /**
   * Every header name the core and an adapter read or write for CORS, as the core spells them (and
   * passes them to {@link CorsRequest#header}, {@link #get} and {@link #set}): the request's {@code
   * Origin} and the two preflight headers, the response's six {@code Access-Control-*} headers,
   * {@code Vary}, and the {@code Content-Length} of a preflight answer. Immutable; {@link #indexOf}
   * gives a name's place in it, so that an adapter whose server reads a name faster in a form of
   * its own (a name whose hash is computed once) builds those forms once, in one loop, into an
   * array of the same order.
   *
   * <pre>{@code
   * assertEquals(11, CorsHeaders.NAMES.size());
   * assertEquals("Origin", CorsHeaders.NAMES.get(CorsHeaders.indexOf("Origin")));
   * }</pre>
   */
  List<String> NAMES =
      List.of(
          "Origin",
          "Access-Control-Request-Method",
          "Access-Control-Request-Headers",
          "Access-Control-Allow-Origin",
          "Access-Control-Allow-Credentials",
          "Access-Control-Allow-Methods",
          "Access-Control-Allow-Headers",
          "Access-Control-Expose-Headers",
          "Access-Control-Max-Age",
          "Vary",
          "Content-Length");

  /**
   * The place of {@code name} in {@link #NAMES}, when it is spelled exactly as there (the core
   * passes those very strings), else -1: any other name, or one of them in another case, which an
   * adapter passes to its server as it is. It costs the string's cached hash and one comparison,
   * and allocates nothing.
   *
   * <pre>{@code
   * assertEquals(3, CorsHeaders.indexOf("Access-Control-Allow-Origin"));
   * assertEquals(-1, CorsHeaders.indexOf("access-control-allow-origin"));
   * assertEquals(-1, CorsHeaders.indexOf("Accept"));
   * }</pre>
   */
  static int indexOf(String name) {
    return switch (name) {
      case "Origin" -> 0;
      case "Access-Control-Request-Method" -> 1;
      case "Access-Control-Request-Headers" -> 2;
      case "Access-Control-Allow-Origin" -> 3;
      case "Access-Control-Allow-Credentials" -> 4;
      case "Access-Control-Allow-Methods" -> 5;
      case "Access-Control-Allow-Headers" -> 6;
      case "Access-Control-Expose-Headers" -> 7;
      case "Access-Control-Max-Age" -> 8;
      case "Vary" -> 9;
      case "Content-Length" -> 10;
      default -> -1;
    };
  }

  /**
   * The lines of one header as {@link #get(String)} returns them: null for none, the line itself
   * for one (nothing allocated), else every line joined with {@code ", "} (RFC 9110 section 5.3
   * lets a recipient combine the lines of a header that way). For the adapters whose server gives a
   * header's lines as a collection.
   *
   * <pre>{@code
   * assertNull(CorsHeaders.joined(List.of()));
   * assertEquals("Origin", CorsHeaders.joined(List.of("Origin")));
   * assertEquals("Accept-Encoding, Origin", CorsHeaders.joined(List.of("Accept-Encoding", "Origin")));
   * }</pre>
   */
  static String joined(Collection<?> lines) {
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    if (lines.size() == 1) {
      Object line = lines instanceof List<?> list ? list.get(0) : lines.iterator().next();
      return String.valueOf(line);
    }
    StringBuilder joined = new StringBuilder();
    for (Object line : lines) {
      joined.append(", ").append(line);
    }
    return joined.substring(2);
  }
}
