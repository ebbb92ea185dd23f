package io.jcors;

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
}
