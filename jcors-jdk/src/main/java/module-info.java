/** jcors for the HTTP server built into the JDK ({@code com.sun.net.httpserver}). */
module io.jcors.jdk {
  requires transitive io.jcors;
  requires transitive jdk.httpserver;

  exports io.jcors.jdk;
}
