package io.jcors.check;

import java.util.List;

/**
 * A response as it came off the wire, before a browser reads it: the status line and each header
 * line as bytes (ISO-8859-1, one char per byte, the line ending removed), and how the head and the
 * body ended. {@link ResponseReader} reads it the way each engine does.
 *
 * @param statusLine the first line, as sent
 * @param lines the header lines, as sent (continuation lines included, each on its own)
 * @param headBytes the size of the head, status line to the empty line
 * @param headTooLarge whether the head went on past the most the check reads ({@link
 *     SocketTransport#MAX_HEAD}); {@code lines} then holds what was read
 * @param body how the body ended
 */
record RawResponse(
    String statusLine, List<String> lines, int headBytes, boolean headTooLarge, Body body) {
  /** How the body ended. */
  enum Body {
    /** The response has no body (a HEAD request, 204, 304) or it was read to its framed end. */
    COMPLETE,
    /** The connection closed before the end that Content-Length or chunking announced. */
    CLOSED_EARLY,
    /** A chunk-size line that is not hexadecimal (RFC 9112 section 7.1). */
    INVALID_CHUNK,
    /** The body went on past the most the check reads; the rest was not read. */
    NOT_READ_TO_THE_END
  }

  RawResponse {
    lines = List.copyOf(lines);
  }

  /** A well-formed HTTP/1.1 response with these header lines (for tests and other transports). */
  static RawResponse of(int status, List<Header> headers) {
    List<String> lines =
        headers.stream().map(header -> header.name() + ": " + header.value()).toList();
    return new RawResponse("HTTP/1.1 " + status + " ", lines, 0, false, Body.COMPLETE);
  }
}
