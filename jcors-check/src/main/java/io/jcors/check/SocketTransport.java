package io.jcors.check;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 over a socket (TLS through the JDK's {@link SSLSocket} for {@code https}), so that the
 * check writes the request bytes a browser writes and reads the response bytes as they arrive, with
 * no HTTP library in between to refuse a header value a page may set (a control byte) or to clean a
 * response header a browser would reject (a NUL). What the bytes mean is decided by {@link
 * ResponseReader}, per engine.
 *
 * <p>Each request gets its own connection ({@code Connection: close}). Besides the headers of the
 * {@link SentRequest}, it sends {@code Host}, {@code Content-Length: 0} for {@code POST} and {@code
 * PUT} (Fetch "HTTP-network-or-cache fetch", step 8.8), {@code User-Agent: jcors-check} and {@code
 * Connection: close}. Bounded: at most {@link #MAX_HEAD} bytes of response head (interim 1xx
 * responses included) and {@link #MAX_BODY} bytes of body are read, and every wait (name lookup,
 * connection, TLS handshake, each read) ends at the check's {@link Deadline}.
 */
final class SocketTransport implements Transport {
  /** The most response head read: past it, no engine accepts the response (F51). */
  static final int MAX_HEAD = 1024 * 1024;

  /** The most body read; the body does not change the verdict, so the rest is not read. */
  static final long MAX_BODY = 16L * 1024 * 1024;

  /** Name lookups may block past any timeout of their own; they run here and are waited for. */
  private static final Executor LOOKUPS =
      command -> {
        Thread thread = new Thread(command, "jcors-check-lookup");
        thread.setDaemon(true);
        thread.start();
      };

  private final SSLSocketFactory tls;

  /** A transport that trusts what the JDK trusts (its default trust store). */
  SocketTransport() {
    this((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * A transport whose TLS connections come from {@code tls} (tests trust their own certificate).
   */
  SocketTransport(SSLSocketFactory tls) {
    this.tls = tls;
  }

  @Override
  public RawResponse send(SentRequest request, Deadline deadline) throws CheckException {
    WebUrl url;
    try {
      url = WebUrl.parse(request.url());
    } catch (WebUrl.Invalid e) {
      throw new IllegalArgumentException("not a URL the check built: " + request.url(), e);
    }
    String what = request.method() + " " + request.url();
    if (deadline.remaining().isNegative() || deadline.remaining().isZero()) {
      throw deadline.passed("before sending " + what);
    }
    List<InetAddress> addresses = resolve(url, request.url(), deadline);
    Socket socket = connect(addresses, url.effectivePort(), request.url(), deadline);
    try {
      if (url.scheme().equals("https")) {
        socket = handshake(socket, url, request.url(), deadline);
      }
      write(socket.getOutputStream(), request, url);
      return new ResponseRead(socket, deadline, what, request.method().equals("HEAD")).read();
    } catch (IOException e) {
      throw unreachable(request.url(), describe(e), e);
    } finally {
      try {
        socket.close();
      } catch (IOException e) {
        // The response has been read or given up on.
      }
    }
  }

  private static List<InetAddress> resolve(WebUrl url, String shown, Deadline deadline)
      throws CheckException {
    String host = url.host();
    try {
      if (host.startsWith("[")) {
        // An IPv6 literal: InetAddress parses it without a lookup.
        return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
      }
      if (host.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")) {
        String[] parts = host.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return List.of(InetAddress.getByAddress(bytes));
      }
    } catch (UnknownHostException e) {
      throw unreachable(shown, "unknown host", e);
    }
    CompletableFuture<InetAddress[]> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getAllByName(host);
              } catch (UnknownHostException e) {
                return new InetAddress[0];
              }
            },
            LOOKUPS);
    try {
      InetAddress[] found =
          lookup.get(Math.max(1, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS);
      if (found.length == 0) {
        throw unreachable(shown, "unknown host", null);
      }
      return List.of(found);
    } catch (TimeoutException e) {
      throw deadline.passed("no address yet for " + host);
    } catch (ExecutionException e) {
      throw unreachable(shown, "unknown host", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(shown, "interrupted", e);
    }
  }

  private static Socket connect(
      List<InetAddress> addresses, int port, String shown, Deadline deadline)
      throws CheckException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), timeout(deadline));
        return socket;
      } catch (SocketTimeoutException e) {
        closeQuietly(socket);
        throw deadline.passed("no connection yet to " + shown);
      } catch (IOException e) {
        closeQuietly(socket);
        last = e;
      }
      if (deadline.remaining().isNegative()) {
        throw deadline.passed("no connection yet to " + shown);
      }
    }
    throw unreachable(shown, last == null ? "no address" : describe(last), last);
  }

  private Socket handshake(Socket plain, WebUrl url, String shown, Deadline deadline)
      throws CheckException, IOException {
    String host = url.host();
    boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
    SSLSocket socket =
        (SSLSocket)
            tls.createSocket(
                plain,
                literal ? host.replace("[", "").replace("]", "") : host,
                url.effectivePort(),
                true);
    SSLParameters parameters = socket.getSSLParameters();
    // Verify the certificate against the host name, as a browser does (RFC 9110 section 4.3.4).
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    if (!literal) {
      try {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      } catch (IllegalArgumentException e) {
        // Not a name SNI can carry; the handshake goes on without it.
      }
    }
    socket.setSSLParameters(parameters);
    try {
      socket.setSoTimeout(timeout(deadline));
      socket.startHandshake();
      return socket;
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw deadline.passed("the TLS handshake with " + url.hostHeader() + " was not done");
    } catch (SSLException e) {
      closeQuietly(socket);
      throw unreachable(shown, "TLS failed: " + describeTls(e, url.host()), e);
    }
  }

  private static void write(OutputStream out, SentRequest request, WebUrl url) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(url.requestTarget()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(url.hostHeader()).append("\r\n");
    for (Header header : request.headers()) {
      head.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    if (request.method().equals("POST") || request.method().equals("PUT")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("User-Agent: jcors-check\r\n");
    head.append("Connection: close\r\n\r\n");
    // Header values are byte strings: each char is one byte (Fetch "isomorphic encode").
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** One response read from a socket, every read bounded by the deadline. */
  private static final class ResponseRead {
    private final Socket socket;
    private final InputStream in;
    private final Deadline deadline;
    private final String what;
    private final boolean head;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int filled;
    private boolean headersArrived;
    private int headBytes;

    ResponseRead(Socket socket, Deadline deadline, String what, boolean head) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
      this.what = what;
      this.head = head;
    }

    RawResponse read() throws CheckException, IOException {
      try {
        while (true) {
          List<String> lines = new ArrayList<>();
          boolean complete = readHead(lines);
          if (lines.isEmpty()) {
            throw new EOFException("the server closed the connection without answering");
          }
          String statusLine = lines.remove(0);
          int status = neutralStatus(statusLine);
          if (complete && status >= 100 && status < 200 && status != 101) {
            continue; // an interim response (100 Continue, 103 Early Hints): the final one follows
          }
          headersArrived = true;
          boolean tooLarge = headBytes > MAX_HEAD;
          RawResponse.Body body =
              tooLarge || !complete ? RawResponse.Body.COMPLETE : readBody(status, lines);
          return new RawResponse(statusLine, lines, headBytes, tooLarge, body);
        }
      } catch (SocketTimeoutException e) {
        throw deadline.passed(
            headersArrived
                ? "the body of the response to " + what + " was still arriving"
                : "no response yet to " + what);
      }
    }

    /** The next byte, or -1 at the end of the stream. */
    private int next() throws IOException {
      if (position == filled && !fill()) {
        return -1;
      }
      return buffer[position++] & 0xFF;
    }

    /** Drops up to {@code count} bytes; the number dropped, -1 at the end of the stream. */
    private int drop(long count) throws IOException {
      if (position == filled && !fill()) {
        return -1;
      }
      int n = (int) Math.min(count, filled - position);
      position += n;
      return n;
    }

    /** Reads what has arrived, waiting at most until the deadline; false at the end. */
    private boolean fill() throws IOException {
      long left = deadline.remaining().toMillis();
      if (left <= 0) {
        throw new SocketTimeoutException();
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      int n = in.read(buffer);
      if (n < 0) {
        return false;
      }
      position = 0;
      filled = n;
      return true;
    }

    /**
     * Reads one head into {@code lines} (line endings removed: LF, or CR LF), skipping empty lines
     * before the status line; false when the connection closed before the empty line that ends the
     * head (engines then take what arrived as the head), or the head grew past {@link #MAX_HEAD}.
     */
    private boolean readHead(List<String> lines) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        int b = next();
        if (b < 0) {
          if (line.size() > 0) {
            lines.add(line.toString(StandardCharsets.ISO_8859_1));
          }
          return false;
        }
        headBytes++;
        if (headBytes > MAX_HEAD) {
          return false;
        }
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
          if (lines.isEmpty()) {
            continue; // RFC 9112 section 2.2: empty lines before the start line are ignored
          }
          return true;
        }
        lines.add(text);
      }
    }

    /** RFC 9112 section 6.3: the length of the body, whatever the engines make of the head. */
    private RawResponse.Body readBody(int status, List<String> lines) throws IOException {
      if (head || status == 204 || status == 304) {
        return RawResponse.Body.COMPLETE;
      }
      String transferEncoding = null;
      List<String> lengths = new ArrayList<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = Infra.stripHttpTabOrSpace(line.substring(0, colon));
        String value = Infra.stripHttpTabOrSpace(line.substring(colon + 1));
        if (Infra.asciiEqualsIgnoreCase(name, "transfer-encoding")) {
          transferEncoding = transferEncoding == null ? value : transferEncoding + ", " + value;
        } else if (Infra.asciiEqualsIgnoreCase(name, "content-length")) {
          for (String element : HeaderLists.splitCommas(value)) {
            lengths.add(Infra.stripHttpTabOrSpace(element));
          }
        }
      }
      if (transferEncoding != null) {
        List<String> codings = HeaderLists.splitCommas(transferEncoding);
        String last = Infra.stripHttpTabOrSpace(codings.get(codings.size() - 1));
        return Infra.asciiEqualsIgnoreCase(last, "chunked") ? readChunked() : readToClose();
      }
      if (!lengths.isEmpty()
          && lengths.stream().distinct().count() == 1
          && Infra.isAsciiDigits(lengths.get(0))
          && lengths.get(0).length() <= 18) {
        return readExactly(Long.parseLong(lengths.get(0)));
      }
      return readToClose();
    }

    private RawResponse.Body readExactly(long length) throws IOException {
      long read = 0;
      while (read < length) {
        if (read >= MAX_BODY) {
          return RawResponse.Body.NOT_READ_TO_THE_END;
        }
        int n = drop(Math.min(length - read, MAX_BODY - read + 1));
        if (n < 0) {
          return RawResponse.Body.CLOSED_EARLY;
        }
        read += n;
      }
      return RawResponse.Body.COMPLETE;
    }

    private RawResponse.Body readToClose() throws IOException {
      long read = 0;
      while (true) {
        if (read > MAX_BODY) {
          return RawResponse.Body.NOT_READ_TO_THE_END;
        }
        int n = drop(buffer.length);
        if (n < 0) {
          return RawResponse.Body.COMPLETE;
        }
        read += n;
      }
    }

    /** RFC 9112 section 7.1: chunk-size [chunk-ext] CRLF data CRLF ... 0 CRLF trailers CRLF. */
    private RawResponse.Body readChunked() throws IOException {
      long total = 0;
      while (true) {
        String sizeLine = readLine();
        if (sizeLine == null) {
          return RawResponse.Body.CLOSED_EARLY;
        }
        int end = 0;
        while (end < sizeLine.length() && Infra.isAsciiHexDigit(sizeLine.charAt(end))) {
          end++;
        }
        String rest = sizeLine.substring(end);
        if (end == 0 || end > 15 || !(rest.isEmpty() || rest.matches("[ \t]*;.*"))) {
          return RawResponse.Body.INVALID_CHUNK;
        }
        long size = Long.parseLong(sizeLine.substring(0, end), 16);
        if (size == 0) {
          while (true) {
            String trailer = readLine();
            if (trailer == null) {
              return RawResponse.Body.CLOSED_EARLY;
            }
            if (trailer.isEmpty()) {
              return RawResponse.Body.COMPLETE;
            }
          }
        }
        for (long left = size; left > 0; ) {
          if (total >= MAX_BODY) {
            return RawResponse.Body.NOT_READ_TO_THE_END;
          }
          int n = drop(left);
          if (n < 0) {
            return RawResponse.Body.CLOSED_EARLY;
          }
          left -= n;
          total += n;
        }
        String crlf = readLine();
        if (crlf == null) {
          return RawResponse.Body.CLOSED_EARLY;
        }
      }
    }

    /** A line of a chunked body (at most 64 KiB), or null at the end of the stream. */
    private String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        int b = next();
        if (b < 0) {
          return null;
        }
        if (b == '\n') {
          String text = line.toString(StandardCharsets.ISO_8859_1);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        if (line.size() < 64 * 1024) {
          line.write(b);
        }
      }
    }
  }

  /** The status code of {@code HTTP/x.y NNN ...} for framing, or -1; engines read it themselves. */
  private static int neutralStatus(String statusLine) {
    int space = statusLine.indexOf(' ');
    if (space < 0 || space + 4 > statusLine.length()) {
      return -1;
    }
    String code = statusLine.substring(space + 1, space + 4);
    return Infra.isAsciiDigits(code) ? Integer.parseInt(code) : -1;
  }

  private static int timeout(Deadline deadline) {
    long millis = deadline.remaining().toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  private static CheckException unreachable(String url, String reason, Throwable cause) {
    return new CheckException(
        CheckException.Kind.UNREACHABLE, "cannot reach " + url + ": " + reason, cause);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already failed.
    }
  }

  /** Plain words for a failed connection, never a Java exception message. */
  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused (is the server running on that port?)";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to the host";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof EOFException) {
      return "the server closed the connection without answering";
    }
    if (e instanceof SSLException) {
      return "TLS failed: " + describeTls((SSLException) e, null);
    }
    if (e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset")) {
      return "the server reset the connection";
    }
    return "the connection failed";
  }

  /** Why a TLS handshake failed, in plain words. */
  private static String describeTls(SSLException e, String host) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateExpiredException) {
        return "the server's certificate has expired";
      }
      if (cause instanceof CertificateNotYetValidException) {
        return "the server's certificate is not valid yet";
      }
      if (cause instanceof CertPathValidatorException
          || cause.getClass().getName().endsWith("SunCertPathBuilderException")) {
        return "the server's certificate is not trusted (self-signed, or its issuer is unknown)";
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("No subject alternative") || message.contains("No name matching")) {
        return "the server's certificate is not for " + (host == null ? "this host" : host);
      }
      if (message.contains("Unsupported or unrecognized SSL message")
          || message.contains("plaintext connection")) {
        return "the server does not speak TLS on that port (is the URL http://?)";
      }
    }
    if (e instanceof SSLHandshakeException) {
      return "the handshake failed (no protocol version or cipher in common, or the server closed"
          + " the connection)";
    }
    return "the secure connection failed";
  }
}
