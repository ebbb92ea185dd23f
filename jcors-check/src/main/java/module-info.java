/**
 * jcors check: the browser's side of the CORS protocol (the Fetch standard's client side), run
 * against a live server, with an explanation of each step and a fix when the browser would block.
 *
 * <p>Only {@code io.jcors.check} is exported. No dependency beyond {@code java.base}: HTTP/1.1 is
 * written and read over plain and TLS sockets, as a browser writes and reads it.
 */
module io.jcors.check {
  exports io.jcors.check;
}
