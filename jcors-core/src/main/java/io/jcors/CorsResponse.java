package io.jcors;

/**
 * Where a CORS decision writes its headers; each server adapter implements it over its own response
 * type.
 *
 * <pre>{@code
 * Map<String, String> headers = new LinkedHashMap<>();
 * CorsResponse response =
 *     new CorsResponse() {
 *       public void setHeader(String name, String value) {
 *         headers.put(name, value);
 *       }
 *
 *       public void addVary(String name) {
 *         headers.merge("Vary", name, CorsResponse::mergeVary);
 *       }
 *     };
 * }</pre>
 */
public interface CorsResponse {
  /** Sets the header {@code name} to {@code value}, replacing any earlier value. */
  void setHeader(String name, String value);

  /**
   * Adds {@code name} to the response's {@code Vary} header, keeping the names already there and
   * not adding one twice. {@link #mergeVary(String, String)} does the merging.
   */
  void addVary(String name);

  /**
   * {@code existing} (a {@code Vary} value, possibly null or empty) with {@code name} appended
   * unless it is already there (ignoring case); {@code *} when {@code existing} lists {@code *},
   * which already varies on everything (as Express's {@code vary} package does).
   *
   * <pre>{@code
   * assertEquals("Accept-Encoding, Origin", CorsResponse.mergeVary("Accept-Encoding", "Origin"));
   * assertEquals("origin", CorsResponse.mergeVary("origin", "Origin"));
   * assertEquals("Origin", CorsResponse.mergeVary(null, "Origin"));
   * }</pre>
   */
  static String mergeVary(String existing, String name) {
    if (existing == null || existing.isBlank()) {
      return name;
    }
    int i = 0;
    int n = existing.length();
    while (i < n) {
      while (i < n
          && (existing.charAt(i) == ','
              || existing.charAt(i) == ' '
              || existing.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < n && existing.charAt(i) != ',') {
        i++;
      }
      int end = i;
      while (end > start && (existing.charAt(end - 1) == ' ' || existing.charAt(end - 1) == '\t')) {
        end--;
      }
      int length = end - start;
      if (length == 1 && existing.charAt(start) == '*') {
        return "*";
      }
      if (length == name.length() && existing.regionMatches(true, start, name, 0, length)) {
        return existing;
      }
    }
    return existing + ", " + name;
  }
}
