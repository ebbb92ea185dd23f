/**
 * jcors check: the browser's side of the CORS protocol (the Fetch standard's client side), run
 * against a live server, with an explanation of each step and a fix when the browser would block.
 *
 * <p>Only {@code io.jcors.check} is exported. No dependency beyond the JDK ({@code java.net.http}).
 */
module io.jcors.check {
  requires java.net.http;

  exports io.jcors.check;
}
