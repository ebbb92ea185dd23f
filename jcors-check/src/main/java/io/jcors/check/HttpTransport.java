package io.jcors.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * Sends requests with {@link java.net.http.HttpClient}, HTTP/1.1, redirects never followed (the
 * check follows them itself, as Fetch does, F35-F37).
 *
 * <p>Why the JDK client suffices: it refuses to set only {@code Connection}, {@code
 * Content-Length}, {@code Expect}, {@code Host} and {@code Upgrade}, which are forbidden request
 * headers in Fetch too (a page can never set them), while {@code Origin} and {@code
 * Access-Control-Request-*} can be set like any header. HTTP/1.1 is forced so that the client does
 * not add {@code Upgrade: h2c}, which a browser never sends. Repeated response header lines stay
 * separate values, which the check needs to see two {@code Access-Control-Allow-Origin} lines
 * (F10).
 */
final class HttpTransport implements Transport {
  private final HttpClient client;

  /** A client that never waits longer than {@code timeout} to connect (the check's whole time). */
  HttpTransport(Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public ReceivedResponse send(SentRequest request, Deadline deadline) throws CheckException {
    String what = request.method() + " " + request.url();
    Duration left = deadline.remaining();
    if (left.isNegative() || left.isZero()) {
      throw deadline.passed("before sending " + what);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.url())
            .timeout(left)
            .method(request.method(), HttpRequest.BodyPublishers.noBody());
    for (Header header : request.headers()) {
      builder.header(header.name(), header.value());
    }
    // The request timeout covers the wait for the headers only; the body is read to its end as a
    // browser does, so the wait for the whole exchange is bounded here, by the check's deadline.
    AtomicBoolean headersArrived = new AtomicBoolean();
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(
            builder.build(),
            info -> {
              headersArrived.set(true);
              return HttpResponse.BodySubscribers.discarding();
            });
    HttpResponse<Void> response;
    try {
      response = exchange.get(Math.max(1, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true); // aborts the exchange and closes its connection (JDK 16+)
      throw timedOut(deadline, headersArrived.get(), what);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new CheckException(
          CheckException.Kind.UNREACHABLE, "interrupted while waiting for " + request.url(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException
          && !(cause instanceof HttpConnectTimeoutException)) {
        throw timedOut(deadline, headersArrived.get(), what);
      }
      if (cause instanceof HttpConnectTimeoutException) {
        throw deadline.passed("no connection yet to " + request.url());
      }
      IOException io =
          cause instanceof IOException ? (IOException) cause : new IOException(cause.toString());
      throw new CheckException(
          CheckException.Kind.UNREACHABLE,
          "cannot reach " + request.url() + ": " + describe(io),
          cause);
    }
    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
      if (entry.getKey().startsWith(":")) {
        continue; // HTTP/2 pseudo-headers; not reachable with HTTP/1.1
      }
      for (String value : entry.getValue()) {
        headers.add(new Header(entry.getKey(), HeaderLists.trimOws(value)));
      }
    }
    return new ReceivedResponse(response.statusCode(), headers);
  }

  private static CheckException timedOut(Deadline deadline, boolean headersArrived, String what) {
    return deadline.passed(
        headersArrived
            ? "the body of the response to " + what + " was still arriving"
            : "no response yet to " + what);
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused (is the server running on that port?)";
    }
    if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SSLException) {
      return "TLS failed: " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
