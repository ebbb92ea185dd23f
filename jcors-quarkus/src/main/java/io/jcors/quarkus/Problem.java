package io.jcors.quarkus;

/**
 * One problem of the jcors configuration as a Quarkus user reads it: the property ({@code
 * jcors.routes[0].cors.origin}), the value as written (or null), why, and the fix (or null).
 */
record Problem(String property, String value, String reason, String fix) {
  /** {@code property: value reason. Fix: fix}, as the core words its problems. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(property).append(": ");
    if (value != null) {
      s.append(value).append(' ');
    }
    s.append(reason);
    if (fix != null) {
      s.append(". Fix: ").append(fix);
    }
    return s.toString();
  }
}
